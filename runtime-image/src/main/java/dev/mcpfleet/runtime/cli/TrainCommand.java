package dev.mcpfleet.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcp-fleet train}: the training run of the JVM's start-up cache. It serves a manifest that
 * declares every kind of item ({@code training.yaml}) exactly as {@code serve} does, on a free
 * loopback port, answers a few hundred requests of every revision over HTTP, and stops. Run under
 * {@code -XX:AOTCacheOutput=<file>} (JDK 25), the JVM then writes the classes this loaded and
 * linked, and the profiles of the code it ran, into the cache that later starts use. The image
 * build and {@code ./mcp-fleet} run it; it is of no use by hand.
 */
@Command(
    name = "train",
    hidden = true,
    description = "Serves a built-in manifest and calls it (the start-up cache's training run).")
final class TrainCommand implements Callable<Integer> {

  private static final String MODERN = "2026-07-28";
  private static final String LEGACY = "2025-11-25";
  private static final String META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
          + MODERN
          + "\",\"io.modelcontextprotocol/clientCapabilities\":{}}";

  @Option(
      names = "--rounds",
      defaultValue = "40",
      description = "Rounds of requests (each: every method of both eras).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("mcp-fleet-train");
    Path manifest = dir.resolve("training.yaml");
    try (InputStream in = TrainCommand.class.getResourceAsStream("training.yaml")) {
      Files.copy(in, manifest);
    }
    CommandLine serve = new CommandLine(new ServeCommand());
    serve.setOut(new PrintWriter(Writer.nullWriter()));
    serve.parseArgs(manifest.toString(), "--port", "0", "--no-watch");
    try (ServeCommand.Serving serving = ((ServeCommand) serve.getCommand()).start()) {
      if (serving == null) {
        return CommandLine.ExitCode.SOFTWARE;
      }
      try (TrainingClient client = new TrainingClient(serving.server().address())) {
        for (int round = 0; round < rounds; round++) {
          round(client);
        }
      }
    } finally {
      Files.deleteIfExists(manifest);
      Files.deleteIfExists(dir);
    }
    return CommandLine.ExitCode.OK;
  }

  /** Every method once in 2026-07-28, a legacy session's life, and the operations endpoints. */
  private static void round(TrainingClient client) throws IOException {
    call(client, "tools/list", null, "{}");
    call(client, "tools/call", "echo", "{\"name\":\"echo\",\"arguments\":{\"message\":\"hi\"}}");
    call(client, "tools/call", "card", "{\"name\":\"card\",\"arguments\":{\"name\":\"Ada\"}}");
    call(client, "tools/call", "media", "{\"name\":\"media\",\"arguments\":{}}");
    call(client, "tools/call", "fail", "{\"name\":\"fail\",\"arguments\":{}}");
    call(client, "resources/list", null, "{}");
    call(client, "resources/templates/list", null, "{}");
    call(client, "resources/read", "training://readme", "{\"uri\":\"training://readme\"}");
    call(client, "resources/read", "training://items/a", "{\"uri\":\"training://items/a\"}");
    call(client, "prompts/list", null, "{}");
    call(client, "prompts/get", "draft", "{\"name\":\"draft\",\"arguments\":{\"topic\":\"t\"}}");
    call(
        client,
        "completion/complete",
        null,
        "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"draft\"},"
            + "\"argument\":{\"name\":\"topic\",\"value\":\"o\"}}");
    legacySession(client);
    for (String path : new String[] {"/health", "/ready", "/metrics"}) {
      expect(client.exchange("GET", path, Map.of(), null), 200, path);
    }
  }

  private static void call(TrainingClient client, String method, String name, String params)
      throws IOException {
    Map<String, String> headers = headers(MODERN);
    headers.put("Mcp-Method", method);
    if (name != null) {
      headers.put("Mcp-Name", name);
    }
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":"
            + params.substring(0, params.length() - 1)
            + (params.length() > 2 ? "," : "")
            + META
            + "}}";
    TrainingClient.Answer answer = client.exchange("POST", "/mcp", headers, body);
    expect(answer, 200, method);
    if (!answer.body().contains("\"result\"")) {
      throw new IOException(method + " gave no result: " + answer.body());
    }
  }

  private static void legacySession(TrainingClient client) throws IOException {
    TrainingClient.Answer init =
        client.exchange(
            "POST",
            "/mcp",
            headers(LEGACY),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + LEGACY
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"train\",\"version\":\"1\"}}}");
    expect(init, 200, "initialize");
    Map<String, String> session = headers(LEGACY);
    session.put("Mcp-Session-Id", init.headers().get("mcp-session-id"));
    expect(
        client.exchange(
            "POST",
            "/mcp",
            session,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
        202,
        "notifications/initialized");
    expect(
        client.exchange(
            "POST",
            "/mcp",
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":{\"message\":\"hi\"}}}"),
        200,
        "tools/call in a session");
    expect(client.exchange("DELETE", "/mcp", session, null), 200, "DELETE");
  }

  private static Map<String, String> headers(String revision) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json, text/event-stream");
    headers.put("MCP-Protocol-Version", revision);
    return headers;
  }

  private static void expect(TrainingClient.Answer answer, int status, String what)
      throws IOException {
    if (answer.status() != status) {
      throw new IOException(
          what
              + " answered HTTP "
              + answer.status()
              + " (expected "
              + status
              + "): "
              + answer.body());
    }
  }
}
