package dev.mcpfleet.bench.runtime.servers;

import dev.mcpfleet.bench.runtime.load.RequestShape;
import dev.mcpfleet.bench.runtime.load.ToolCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MCP Fleet's runtime serving manifests the benchmark writes: a 20-tool server whose {@code echo}
 * text tool is the one compared with the baselines, the same with every guide layer on, and an HTTP
 * tool against a local upstream, each started as the runtime image starts it in a pod ({@link
 * PodCommand}); and the 20-tool server started as users start it on a laptop, {@code ./mcp-fleet
 * serve}.
 *
 * <p>"Layers off" is as far as a manifest goes: no authentication, no rate limit, no audit, no
 * metrics. Input validation, output sanitization and the resilience wrappers (retry, circuit
 * breaker, timeout) are always on.
 *
 * @param launch where processes run
 * @param repo the repository: its launcher, its runtime jar and image
 */
public record RuntimeTargets(Launch launch, Path repo) {

  /** What the upstream of {@link #http} answers, and so what its tool result holds. */
  public static final String UPSTREAM_ANSWER = "mcp-fleet-bench upstream sunny";

  /** Tools besides echo in the text server, so that it serves 20. */
  static final int OTHER_TOOLS = 19;

  private static final String API_KEY = "mcp-fleet-bench-key-0123456789";

  private static final List<String> LAYERS_OFF =
      List.of(
          "  security:",
          "    auth: {mode: none}",
          "    rateLimit: {enabled: false}",
          "    audit: {enabled: false}",
          "  observability: {metrics: false}");

  private static final List<String> LAYERS_ON =
      List.of(
          "  security:",
          "    auth: {mode: apiKey, apiKey: {secretRef: bench-keys}}",
          "    rateLimit: {requestsPerSecond: 1000000, burst: 1000000}",
          "    audit: {enabled: true}",
          "  observability: {metrics: true}");

  /** The 20-tool server with the layers off, called through its echo text tool. */
  public Target text() {
    return serve("runtime-text", textManifest(LAYERS_OFF), ToolCall.echo(), Map.of());
  }

  /** The same server started by {@code ./mcp-fleet serve}, with the launcher's JVM options. */
  public Target textFromLauncher() {
    return serve(
        "runtime-text-launcher",
        List.of(repo.resolve("mcp-fleet").toString()),
        textManifest(LAYERS_OFF),
        ToolCall.echo(),
        Map.of());
  }

  /**
   * The same with every guide layer on: API keys (one key, sent as a bearer token), a rate limit
   * set far above the load, validation, audit lines and metrics.
   */
  public Target textWithLayers() {
    Path keys = Baselines.write(launch.runDir().resolve("api-keys/bench"), API_KEY + "\n");
    return serve(
        "runtime-text-layers",
        textManifest(LAYERS_ON),
        ToolCall.echo().withHeader("Authorization", "Bearer " + API_KEY),
        Map.of("MCP_API_KEYS_DIR", keys.getParent().toString()));
  }

  /** An HTTP tool that GETs {@code upstreamUrl}, layers off, answering with the body as text. */
  public Target http(String upstreamUrl) {
    return serve(
        "runtime-http",
        httpManifest(upstreamUrl),
        new ToolCall("weather", "{\"city\":\"Paris\"}", UPSTREAM_ANSWER),
        Map.of());
  }

  private Target serve(String name, String manifest, ToolCall call, Map<String, String> env) {
    return serve(name, PodCommand.of(repo), manifest, call, env);
  }

  private Target serve(
      String name, List<String> runtime, String manifest, ToolCall call, Map<String, String> env) {
    Path file = Baselines.write(launch.runDir().resolve(name + ".yaml"), manifest);
    List<String> command = new ArrayList<>(runtime);
    command.addAll(List.of("serve", file.toString(), "--port", "PORT", "--no-watch"));
    return new Target(
        name,
        Target.Role.RUNTIME,
        RequestShape.MODERN,
        call,
        port ->
            launch.start(
                name,
                command.stream().map(w -> w.equals("PORT") ? Integer.toString(port) : w).toList(),
                launch.runDir(),
                env));
  }

  static String textManifest(List<String> layers) {
    List<String> lines = new ArrayList<>(header("bench-text", layers));
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
    List<String> lines = new ArrayList<>(header("bench-http", LAYERS_OFF));
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

  /** The manifest up to the tool list, with the given security and observability settings. */
  private static List<String> header(String name, List<String> layers) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "apiVersion: mcpfleet.dev/v1alpha1",
                "kind: McpServer",
                "metadata: {name: " + name + "}",
                "spec:"));
    lines.addAll(layers);
    lines.addAll(List.of("  server:", "    name: " + name, "    version: 1.0.0", "    tools:"));
    return lines;
  }
}
