package dev.mcpfleet.runtime.upstream;

import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.node.NodeHarness;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fixture upstream (node/upstream-server.mjs, on the official TypeScript SDK v1) and manifests
 * that front it.
 */
final class UpstreamFixture {

  static final String SCRIPT = "node/upstream-server.mjs";

  private UpstreamFixture() {}

  static NodeHarness node() {
    return NodeHarness.sdkClients();
  }

  /** A manifest fronting the fixture over stdio, with more spec sections after upstream. */
  static String stdioManifest(NodeHarness node, String upstreamExtra, String moreSpec) {
    String command =
        node.command(SCRIPT, List.of("stdio")).stream()
            .map(part -> "\"" + part + "\"")
            .collect(Collectors.joining(", ", "[", "]"));
    return """
        apiVersion: mcpfleet.dev/v1alpha1
        kind: McpServer
        metadata: {name: fixture}
        spec:
          upstream:
            command: {command: %s}
        %s%s
        """
        .formatted(command, upstreamExtra.indent(4), moreSpec.indent(2));
  }

  /** The fixture serving Streamable HTTP on loopback, as a sidecar's image would. */
  record HttpUpstream(Process process, int port) implements AutoCloseable {

    /**
     * Starts it on {@code port} (0: any free one) answering initialize with {@code revision} (null:
     * the newest it speaks).
     */
    static HttpUpstream start(NodeHarness node, int port, String revision) throws Exception {
      List<String> args = new java.util.ArrayList<>(List.of("http", String.valueOf(port)));
      if (revision != null) {
        args.add(revision);
      }
      Process process =
          new ProcessBuilder(node.command(SCRIPT, args))
              .directory(node.dir().toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String listening =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))
              .readLine();
      if (listening == null || !listening.startsWith("listening ")) {
        process.destroyForcibly();
        throw new IllegalStateException("the HTTP fixture did not start: " + listening);
      }
      return new HttpUpstream(process, Integer.parseInt(listening.substring(10).trim()));
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }

  /** A manifest fronting an HTTP upstream on {@code port} (a sidecar in a pod). */
  static String httpManifest(int port, String moreSpec) {
    return """
        apiVersion: mcpfleet.dev/v1alpha1
        kind: McpServer
        metadata: {name: sidecar}
        spec:
          upstream:
            http: {image: "example.com/fixture-upstream:1", port: %d, path: /mcp}
        %s
        """
        .formatted(port, moreSpec.indent(2));
  }

  /** The text of a tool result as the runtime's test client got it. */
  static String text(com.fasterxml.jackson.databind.JsonNode message) {
    StringBuilder text = new StringBuilder();
    message.path("result").path("content").forEach(c -> text.append(c.path("text").asText()));
    return text.toString();
  }

  /** A 2026-07-28 tools/call of {@code tool} with {@code arguments}. */
  static com.fasterxml.jackson.databind.JsonNode call(
      TestServer client, String tool, String arguments) {
    return TestServer.message(
        client.stateless("tools/call", "{'name':'" + tool + "','arguments':" + arguments + "}"));
  }

  /**
   * Opens a 2026-07-28 subscriptions/listen stream for tool list changes with {@code headers}
   * (name, value, ...) added, and reads its acknowledgement.
   */
  static java.util.Iterator<String> listenToToolChanges(TestServer client, String... headers) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "MCP-Protocol-Version", TestServer.V2026, "Mcp-Method", "subscriptions/listen"));
    all.addAll(List.of(headers));
    java.util.Iterator<String> stream =
        client.postStreaming(
            TestServer.request(
                9,
                "subscriptions/listen",
                TestServer.statelessParams("{'notifications':{'toolsListChanged':true}}", "{}")),
            all.toArray(String[]::new));
    String first = TestServer.nextEvent(stream).path("method").asText();
    if (!first.equals("notifications/subscriptions/acknowledged")) {
      throw new AssertionError("the listen stream began with " + first);
    }
    return stream;
  }

  /** The environment of a test runtime: the harness's Node first on the PATH. */
  static Map<String, String> env(NodeHarness node, Map<String, String> more) {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    if (node.binDir() != null) {
      env.put("PATH", node.binDir() + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
    }
    env.put("MCP_UPSTREAM_RESTART_BACKOFF", "200ms");
    env.putAll(more);
    return env;
  }
}
