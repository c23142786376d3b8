package dev.mcpfleet.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.McpTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A runtime on an ephemeral loopback port and an HTTP client speaking to it, for protocol tests:
 * {@code post(body, headers...)} sends one raw message; {@code stateless(method, params)} and
 * {@code legacy(...)} send conformant requests of each era.
 */
public final class TestServer implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String V2026 = "2026-07-28";

  private final RuntimeServer server;
  private final Definitions definitions;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(RuntimeServer server, Definitions definitions) {
    this.server = server;
    this.definitions = definitions;
  }

  public static TestServer start(ServerDefinition definition) {
    return start(definition, b -> {}, d -> Pipeline.bare());
  }

  public static TestServer start(
      ServerDefinition definition,
      Consumer<RuntimeConfig.Builder> config,
      Function<ServerDefinition, Pipeline> pipelines) {
    RuntimeConfig.Builder builder = RuntimeConfig.builder().port(0).ioThreads(1);
    config.accept(builder);
    Definitions definitions = new Definitions(definition);
    try {
      return new TestServer(
          RuntimeServer.start(builder.build(), definitions, pipelines), definitions);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A client of a runtime started elsewhere (with its own layers or upstream); closing it closes
   * that runtime.
   */
  public static TestServer of(RuntimeServer server, Definitions definitions) {
    return new TestServer(server, definitions);
  }

  /** A definition of these tools and nothing else. */
  public static ServerDefinition tools(McpTool... tools) {
    return definition(List.of(tools), List.of(), List.of(), List.of());
  }

  public static ServerDefinition definition(
      List<McpTool> tools,
      List<McpResource> resources,
      List<McpResourceTemplate> templates,
      List<McpPrompt> prompts) {
    return new ServerDefinition(
        new McpServer(),
        new ServerDefinition.ServerInfo("test-server", "1.2.3", null, null, "Be brief.", List.of()),
        tools,
        resources,
        templates,
        prompts);
  }

  public RuntimeServer runtime() {
    return server;
  }

  public Definitions definitions() {
    return definitions;
  }

  public URI uri() {
    return URI.create(server.url());
  }

  public HttpClient http() {
    return http;
  }

  /** POSTs {@code body} as JSON with both Accept types plus {@code headers} (name, value, ...). */
  public HttpResponse<String> post(String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri())
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /** POSTs like {@link #post} and returns the response body's lines as they arrive (a stream). */
  public Iterator<String> postStreaming(String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return lines(request.build());
  }

  /** Sends {@code request} and returns its body's lines as they arrive. */
  public Iterator<String> lines(HttpRequest request) {
    try {
      return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
          .get(10, TimeUnit.SECONDS)
          .body()
          .iterator();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next SSE event's JSON message on a stream of lines. */
  public static JsonNode nextEvent(Iterator<String> lines) {
    String line = "";
    while (!line.startsWith("data:")) {
      line = lines.next();
    }
    return parse(line.substring(5).trim());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The params of a conformant 2026-07-28 request: {@code params} plus the required _meta. */
  public static ObjectNode statelessParams(String params, String capabilities) {
    ObjectNode node = json(params);
    ObjectNode meta = node.putObject("_meta");
    meta.put("io.modelcontextprotocol/protocolVersion", V2026);
    meta.set("io.modelcontextprotocol/clientCapabilities", json(capabilities));
    meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "test").put("version", "1");
    return node;
  }

  /** A conformant 2026-07-28 request (headers mirrored from the body), no client capabilities. */
  public HttpResponse<String> stateless(String method, String params) {
    return stateless(method, statelessParams(params, "{}"));
  }

  public HttpResponse<String> stateless(String method, ObjectNode params) {
    String name =
        params.has("name") ? params.get("name").asText() : params.path("uri").asText(null);
    String body = request(1, method, params);
    return name == null
        ? post(body, "MCP-Protocol-Version", V2026, "Mcp-Method", method)
        : post(body, "MCP-Protocol-Version", V2026, "Mcp-Method", method, "Mcp-Name", name);
  }

  /** Starts a legacy session; returns its id. */
  public String initialize(String version, String capabilities) {
    HttpResponse<String> response =
        post(
            request(
                0,
                "initialize",
                json(
                    "{'protocolVersion':'"
                        + version
                        + "','capabilities':"
                        + capabilities
                        + ",'clientInfo':{'name':'test','version':'1'}}")));
    return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
  }

  /** A request in legacy session {@code session}. */
  public HttpResponse<String> legacy(String session, String method, String params) {
    return post(
        request(7, method, json(params)),
        "Mcp-Session-Id",
        session,
        "MCP-Protocol-Version",
        "2025-11-25");
  }

  public static String request(int id, String method, JsonNode params) {
    ObjectNode request =
        JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    request.set("params", params);
    return request.toString();
  }

  /** Parses JSON written with single quotes for readability. */
  public static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON-RPC message of a response: the body, or the last SSE event that carries an id. */
  public static JsonNode message(HttpResponse<String> response) {
    try {
      String body = response.body();
      if (response
          .headers()
          .firstValue("content-type")
          .orElse("")
          .startsWith("text/event-stream")) {
        JsonNode last = null;
        for (JsonNode event : events(response)) {
          if (event.has("id")) {
            last = event;
          }
        }
        return last;
      }
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every JSON message of an SSE response, in order. */
  public static List<JsonNode> events(HttpResponse<String> response) {
    return response
        .body()
        .lines()
        .filter(l -> l.startsWith("data:"))
        .map(l -> l.substring(5).trim())
        .filter(l -> !l.isEmpty())
        .map(TestServer::parse)
        .toList();
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
