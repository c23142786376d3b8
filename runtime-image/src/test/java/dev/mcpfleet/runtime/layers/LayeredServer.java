package dev.mcpfleet.runtime.layers;

import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.RuntimeServer;
import dev.mcpfleet.runtime.declarative.http.HttpToolSettings;
import dev.mcpfleet.runtime.definition.DefinitionLoader;
import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.observability.TraceHeaders;
import dev.mcpfleet.runtime.spi.McpProvider;
import dev.mcpfleet.runtime.spi.McpTool;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A runtime serving a manifest through every layer, as {@code serve} runs it, on a free loopback
 * port; with the official MCP Java SDK client and plain HTTP to talk to it.
 */
public final class LayeredServer implements AutoCloseable {

  public final RuntimeServices services;
  public final RuntimeServer server;
  public final Definitions definitions;
  private final List<McpSyncClient> clients = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private LayeredServer(RuntimeServices services, RuntimeServer server, Definitions definitions) {
    this.services = services;
    this.server = server;
    this.definitions = definitions;
  }

  /** Serves {@code manifest} (YAML) with {@code env}, plus code tools. */
  public static LayeredServer start(String manifest, Map<String, String> env, McpTool... tools)
      throws Exception {
    McpProvider provider =
        new McpProvider() {
          @Override
          public List<McpTool> tools() {
            return List.of(tools);
          }
        };
    ServerDefinition definition =
        new DefinitionLoader(
                HttpToolSettings.defaults().withHook(new TraceHeaders()), () -> List.of(provider))
            .load("test.yaml", manifest);
    Definitions definitions = new Definitions(definition);
    RuntimeServices services = RuntimeServices.create(env);
    services.pipeline(definition);
    RuntimeServer server = RuntimeServer.start(config(services), definitions, services::pipeline);
    return new LayeredServer(services, server, definitions);
  }

  /** A test runtime's configuration: a free loopback port, the endpoints of {@code services}. */
  public static RuntimeConfig config(RuntimeServices services) {
    return services
        .configure(
            RuntimeConfig.builder().host("127.0.0.1").port(0).shutdownGrace(Duration.ofSeconds(5)))
        .build();
  }

  public String base() {
    return "http://127.0.0.1:" + server.address().getPort();
  }

  /** An initialized SDK client sending {@code headers} on every request. */
  public McpSyncClient client(Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder();
    headers.forEach(request::header);
    McpSyncClient client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(base())
                    .endpoint("/mcp")
                    .requestBuilder(request)
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
    clients.add(client);
    return client;
  }

  /** Calls {@code tool} with {@code arguments}. */
  public static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  /** Whether a result is a tool error (the SDK leaves isError null when it is not). */
  public static boolean failed(McpSchema.CallToolResult result) {
    return Boolean.TRUE.equals(result.isError());
  }

  /** The text blocks of a result, joined. */
  public static String text(McpSchema.CallToolResult result) {
    StringBuilder out = new StringBuilder();
    for (McpSchema.Content c : result.content()) {
      if (c instanceof McpSchema.TextContent t) {
        out.append(t.text()).append('\n');
      }
    }
    return out.toString();
  }

  /** GET {@code path}. */
  public HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A raw MCP POST (ping in the stateless revision), for status codes and headers. */
  public HttpResponse<String> post(Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    clients.forEach(McpSyncClient::close);
    server.close();
    services.close();
  }
}
