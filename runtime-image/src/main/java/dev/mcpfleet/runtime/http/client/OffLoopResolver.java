package dev.mcpfleet.runtime.http.client;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Resolves upstream host names with the JDK's resolver (hosts file, search domains and caching as
 * every other JVM lookup) on a virtual thread, so that no event loop ever waits for DNS: Netty's
 * default resolver group would call the same blocking lookup on the event loop itself.
 */
final class OffLoopResolver extends AddressResolverGroup<InetSocketAddress> {

  static final OffLoopResolver INSTANCE = new OffLoopResolver();

  private OffLoopResolver() {}

  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new InetSocketAddressResolver(executor, new Names(executor));
  }

  private static final class Names extends InetNameResolver {

    Names(EventExecutor executor) {
      super(executor);
    }

    @Override
    protected void doResolve(String host, Promise<InetAddress> promise) {
      offLoop(() -> InetAddress.getByName(host), promise);
    }

    @Override
    protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
      offLoop(() -> Arrays.asList(InetAddress.getAllByName(host)), promise);
    }

    private static <T> void offLoop(Callable<T> lookup, Promise<T> promise) {
      Thread.ofVirtual()
          .name("mcp-upstream-dns")
          .start(
              () -> {
                try {
                  promise.trySuccess(lookup.call());
                } catch (Exception e) {
                  promise.tryFailure(e);
                }
              });
    }
  }
}
