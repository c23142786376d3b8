package dev.mcpfleet.runtime.layers;

import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.RuntimeServer;
import dev.mcpfleet.runtime.declarative.http.HttpToolSettings;
import dev.mcpfleet.runtime.definition.DefinitionLoader;
import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not a test: starts the same manifest twice in one process for a throughput comparison, once with
 * every layer (API keys, rate limit set high, validation, audit, metrics) and once bare, and prints
 * both URLs. Drive it with wrk (see docs/performance.md); stop it with Ctrl-C.
 */
public final class LayersBench {

  public static void main(String[] args) throws Exception {
    Path keys = Files.createTempDirectory("bench-keys");
    Files.writeString(keys.resolve("bench"), "bench-key-0123456789\n");
    String manifest =
        SecurityEndToEndTest.manifest(
            """
            auth: {mode: apiKey, apiKey: {secretRef: bench-keys}}
            rateLimit: {requestsPerSecond: 1000000, burst: 1000000}
            audit: {enabled: true}
            """);
    ServerDefinition definition =
        new DefinitionLoader(HttpToolSettings.defaults(), List::of).load("bench.yaml", manifest);
    RuntimeServices services = RuntimeServices.create(Map.of("MCP_API_KEYS_DIR", keys.toString()));
    services.pipeline(definition);
    RuntimeServer layered =
        RuntimeServer.start(
            services.configure(RuntimeConfig.builder().host("127.0.0.1").port(0)).build(),
            new Definitions(definition),
            services::pipeline);
    RuntimeServer bare =
        RuntimeServer.start(
            RuntimeConfig.builder().host("127.0.0.1").port(0).build(), new Definitions(definition));
    System.out.println("layered " + layered.url());
    System.out.println("bare " + bare.url());
    System.out.flush();
    Thread.currentThread().join();
  }
}
