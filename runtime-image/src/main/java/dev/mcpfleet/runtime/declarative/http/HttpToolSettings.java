package dev.mcpfleet.runtime.declarative.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What HTTP tools share in one runtime.
 *
 * @param client the HTTP client, created on first use (servers without HTTP tools never load it)
 * @param hooks headers added to every upstream request (tracing), in order
 * @param environment reads environment variables: the values of Secret and ConfigMap references
 * @param maxResponseBytes the largest upstream answer read; a larger one is a tool error
 */
public record HttpToolSettings(
    Supplier<HttpClient> client,
    List<OutgoingHeaders> hooks,
    Function<String, String> environment,
    long maxResponseBytes) {

  /** Upstream answers larger than this are refused (the result cap applies after it). */
  public static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  public HttpToolSettings {
    hooks = List.copyOf(hooks);
  }

  /**
   * The settings of a running server: one shared client that never follows redirects (a redirect
   * could leave the egress allow-list), the process environment, no hooks.
   */
  public static HttpToolSettings defaults() {
    return new HttpToolSettings(SharedClient::get, List.of(), System::getenv, MAX_RESPONSE_BYTES);
  }

  /** These settings with {@code hook} added. */
  public HttpToolSettings withHook(OutgoingHeaders hook) {
    List<OutgoingHeaders> more = new java.util.ArrayList<>(hooks);
    more.add(hook);
    return new HttpToolSettings(client, more, environment, maxResponseBytes);
  }

  /** The process-wide client, built on first use. */
  private static final class SharedClient {
    private static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    static HttpClient get() {
      return CLIENT;
    }
  }
}
