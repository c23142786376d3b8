package dev.mcpfleet.runtime.declarative.http;

import dev.mcpfleet.runtime.http.client.ClientSettings;
import dev.mcpfleet.runtime.http.client.UpstreamHttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What HTTP tools share in one runtime.
 *
 * @param client the HTTP client: its connection pools outlive reloads of the definition, and its
 *     settings cap the size of an upstream answer (a larger one is a tool error)
 * @param hooks headers added to every upstream request (tracing), in order
 * @param environment reads environment variables: the values of Secret and ConfigMap references
 */
public record HttpToolSettings(
    UpstreamHttpClient client, List<OutgoingHeaders> hooks, Function<String, String> environment) {

  public HttpToolSettings {
    hooks = List.copyOf(hooks);
  }

  /**
   * The settings of a running server: a client of its own (which never follows redirects: a
   * redirect could leave the egress allow-list) with the default pool, timeouts and answer cap (16
   * MiB; the result cap applies after it), the process environment, no hooks. The server hands the
   * client its event loops once it listens ({@link UpstreamHttpClient#runOn}).
   */
  public static HttpToolSettings defaults() {
    return new HttpToolSettings(
        new UpstreamHttpClient(ClientSettings.defaults()), List.of(), System::getenv);
  }

  /** These settings with {@code hook} added. */
  public HttpToolSettings withHook(OutgoingHeaders hook) {
    List<OutgoingHeaders> more = new ArrayList<>(hooks);
    more.add(hook);
    return new HttpToolSettings(client, more, environment);
  }
}
