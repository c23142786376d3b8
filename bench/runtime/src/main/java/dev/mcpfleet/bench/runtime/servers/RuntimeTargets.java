package dev.mcpfleet.bench.runtime.servers;

import dev.mcpfleet.bench.runtime.load.RequestShape;
import dev.mcpfleet.bench.runtime.load.ToolCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MCP Fleet's runtime as users start it, {@code ./mcp-fleet serve <manifest>}, serving manifests
 * the benchmark writes: a 20-tool server whose {@code echo} text tool is the one compared with the
 * baselines, and an HTTP tool against a local fixed-answer upstream.
 *
 * @param launch where processes run
 * @param launcher the {@code mcp-fleet} launcher of the repository
 */
public record RuntimeTargets(Launch launch, Path launcher) {

  /** What the upstream of {@link #http} answers, and so what its tool result holds. */
  public static final String UPSTREAM_ANSWER = "mcp-fleet-bench upstream sunny";

  /** Tools besides echo in the text server, so that it serves 20. */
  static final int OTHER_TOOLS = 19;

  /** The 20-tool server, called through its echo text tool. */
  public Target text() {
    Path manifest = Baselines.write(launch.runDir().resolve("runtime-text.yaml"), textManifest());
    return serve("runtime-text", manifest, ToolCall.echo());
  }

  /** An HTTP tool that GETs {@code upstreamUrl} and answers with the body as text. */
  public Target http(String upstreamUrl) {
    Path manifest =
        Baselines.write(launch.runDir().resolve("runtime-http.yaml"), httpManifest(upstreamUrl));
    return serve(
        "runtime-http", manifest, new ToolCall("weather", "{\"city\":\"Paris\"}", UPSTREAM_ANSWER));
  }

  private Target serve(String name, Path manifest, ToolCall call) {
    return new Target(
        name,
        Target.Role.RUNTIME,
        RequestShape.MODERN,
        call,
        port ->
            launch.start(
                name,
                List.of(
                    launcher.toString(),
                    "serve",
                    manifest.toString(),
                    "--port",
                    Integer.toString(port),
                    "--no-watch"),
                launch.runDir(),
                Map.of()));
  }

  static String textManifest() {
    List<String> lines = new ArrayList<>(header("bench-text"));
    lines.addAll(
        List.of(
            "    - name: echo",
            "      description: Returns the message it is given.",
            "      inputSchema:",
            "        type: object",
            "        properties: {message: {type: string, maxLength: 1000}}",
            "        required: [message]",
            "      text:",
            "        content:",
            "          - {type: text, text: \"{{message}}\"}"));
    for (int i = 1; i <= OTHER_TOOLS; i++) {
      String n = String.format("%02d", i);
      lines.addAll(
          List.of(
              "    - name: lookup_" + n,
              "      description: Looks up entry " + n + " of a small catalogue by key.",
              "      inputSchema:",
              "        type: object",
              "        properties:",
              "          key: {type: string, minLength: 1, maxLength: 64}",
              "          detail: {type: string, enum: [short, long], default: short}",
              "        required: [key]",
              "        additionalProperties: false",
              "      annotations: {readOnlyHint: true, idempotentHint: true}",
              "      text:",
              "        content:",
              "          - {type: text, text: \"Entry " + n + " for {{key}} ({{detail}})\"}"));
    }
    return String.join("\n", lines) + "\n";
  }

  static String httpManifest(String upstreamUrl) {
    List<String> lines = new ArrayList<>(header("bench-http"));
    lines.addAll(
        List.of(
            "    - name: weather",
            "      description: Today's weather in a city, from the upstream API.",
            "      inputSchema:",
            "        type: object",
            "        properties: {city: {type: string, maxLength: 100}}",
            "        required: [city]",
            "      http:",
            "        url: \"" + upstreamUrl + "?city={{city}}\"",
            "        response: {format: text}"));
    return String.join("\n", lines) + "\n";
  }

  private static List<String> header(String name) {
    return List.of(
        "apiVersion: mcpfleet.dev/v1alpha1",
        "kind: McpServer",
        "metadata: {name: " + name + "}",
        "spec:",
        "  server:",
        "    name: " + name,
        "    version: 1.0.0",
        "    tools:");
  }
}
