package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.runtime.RuntimeServer;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.declarative.http.HttpToolSettings;
import dev.mcpfleet.runtime.definition.DefinitionLoader;
import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.layers.LayeredServer;
import dev.mcpfleet.runtime.layers.RuntimeServices;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A runtime fronting an upstream as {@code serve} runs it: the manifest loaded with an {@link
 * UpstreamHost}, every layer, a free loopback port. With the official Java SDK client, raw HTTP,
 * and the runtime's own test client for 2026-07-28 requests.
 */
final class FrontingServer implements AutoCloseable {

  final UpstreamHost upstream;
  final RuntimeServices services;
  final RuntimeServer server;
  final Definitions definitions;
  private final DefinitionLoader loader;
  private final List<McpSyncClient> clients = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private FrontingServer(
      UpstreamHost upstream,
      RuntimeServices services,
      RuntimeServer server,
      Definitions defs,
      DefinitionLoader loader) {
    this.upstream = upstream;
    this.services = services;
    this.server = server;
    this.definitions = defs;
    this.loader = loader;
  }

  /** Serves {@code manifest} with {@code env} (also the upstream's inherited environment). */
  static FrontingServer start(String manifest, Map<String, String> env) throws Exception {
    UpstreamHost upstream = UpstreamHost.create(env);
    DefinitionLoader loader = new DefinitionLoader(HttpToolSettings.defaults(), List::of, upstream);
    Definitions definitions = new Definitions(loader.load("upstream.yaml", manifest));
    RuntimeServices services = RuntimeServices.create(env);
    services.pipeline(definitions.current());
    upstream.attach(definitions, services);
    RuntimeServer server =
        RuntimeServer.start(LayeredServer.config(services), definitions, services::pipeline);
    upstream.start();
    return new FrontingServer(upstream, services, server, definitions, loader);
  }

  /** Loads an edited manifest and serves it, as the definition watcher does. */
  void reload(String manifest) throws Exception {
    definitions.replace(loader.load("upstream.yaml", manifest));
  }

  /** Waits until the upstream is listed; fails saying how it is otherwise. */
  FrontingServer awaitReady(Duration timeout) throws InterruptedException {
    if (!upstream.awaitReady(timeout)) {
      throw new AssertionError("the upstream did not start: " + upstream.status());
    }
    return this;
  }

  String base() {
    return "http://127.0.0.1:" + server.address().getPort();
  }

  /** The runtime's test client, for raw 2026-07-28 and legacy requests. */
  TestServer raw() {
    return TestServer.of(server, definitions);
  }

  /** An initialized Java SDK client (legacy revisions), customised by {@code client}. */
  McpSyncClient client(Map<String, String> headers, UnaryOperator<McpClient.SyncSpec> client) {
    HttpRequest.Builder request = HttpRequest.newBuilder();
    headers.forEach(request::header);
    McpSyncClient built =
        client
            .apply(
                McpClient.sync(
                        HttpClientStreamableHttpTransport.builder(base())
                            .endpoint("/mcp")
                            .requestBuilder(request)
                            .build())
                    .requestTimeout(Duration.ofSeconds(20)))
            .build();
    built.initialize();
    clients.add(built);
    return built;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    clients.forEach(McpSyncClient::close);
    server.close();
    upstream.close();
    services.close();
  }
}
