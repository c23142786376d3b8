package dev.mcpfleet.runtime.security;

import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.spi.Caller;
import java.util.Set;

/**
 * Authentication mode {@code none}: every request passes, as an anonymous caller named by its
 * address ({@code anonymous@10.1.2.3}), so that rate limits, per-caller caches and audit lines
 * still tell clients apart. Behind a proxy every client has the proxy's address; use apiKey or jwt
 * there.
 */
public final class AnonymousCallers implements HttpGuard {

  @Override
  public Decision check(RequestHead head, Caller caller) {
    String address =
        head.remote() == null || head.remote().getAddress() == null
            ? "unknown"
            : head.remote().getAddress().getHostAddress();
    return new Pass(new Caller("anonymous@" + address, Caller.Kind.ANONYMOUS, Set.of(), Set.of()));
  }
}
