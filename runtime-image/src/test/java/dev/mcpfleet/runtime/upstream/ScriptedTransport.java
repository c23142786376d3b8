package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A transport whose server is a script: each request gets the answer {@code answers} gives (none
 * when null), and a test pushes whatever else the server sends.
 */
final class ScriptedTransport implements UpstreamTransport {

  final List<ObjectNode> sent = new CopyOnWriteArrayList<>();
  final List<Long> aborted = new CopyOnWriteArrayList<>();
  private final boolean relates;
  private final Function<ObjectNode, JsonNode> answers;
  private Inbound inbound;
  volatile String initializedAt;

  ScriptedTransport(boolean relates, Function<ObjectNode, JsonNode> answers) {
    this.relates = relates;
    this.answers = answers;
  }

  /** A JSON-RPC response to {@code request} carrying {@code result} (single quotes allowed). */
  static JsonNode result(ObjectNode request, String result) {
    ObjectNode response = TestServer.json("{'jsonrpc':'2.0'}");
    response.set("id", request.get("id"));
    response.set("result", TestServer.json(result));
    return response;
  }

  /** A JSON-RPC error response to {@code request}. */
  static JsonNode error(ObjectNode request, String error) {
    ObjectNode response = TestServer.json("{'jsonrpc':'2.0'}");
    response.set("id", request.get("id"));
    response.set("error", TestServer.json(error));
    return response;
  }

  @Override
  public void start(Inbound inbound) {
    this.inbound = inbound;
  }

  @Override
  public Runnable request(ObjectNode request, Inbound related) {
    sent.add(request);
    JsonNode answer = answers.apply(request);
    if (answer != null) {
      (relates ? related : inbound).message(answer);
    }
    long id = request.get("id").asLong();
    return () -> aborted.add(id);
  }

  @Override
  public void send(ObjectNode message) {
    sent.add(message);
  }

  /** The server sends {@code message} outside any request. */
  void push(JsonNode message) {
    inbound.message(message);
  }

  /** The transport ends. */
  void end(String why) {
    inbound.closed(why);
  }

  /** What was sent with {@code method}. */
  List<ObjectNode> sent(String method) {
    return sent.stream().filter(m -> method.equals(m.path("method").asText())).toList();
  }

  /** Responses sent to the server's requests. */
  List<ObjectNode> responses() {
    return sent.stream().filter(m -> !m.has("method")).toList();
  }

  @Override
  public boolean relatesMessages() {
    return relates;
  }

  @Override
  public void initialized(String protocolVersion) {
    initializedAt = protocolVersion;
  }

  @Override
  public String describe() {
    return "a script";
  }

  @Override
  public void close() {}
}
