package dev.mcpfleet.operator;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.ManifestException;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.reference.ReferencedData;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** McpServers written as users write them, read by the same strict reader. */
public final class TestServers {

  public static final String NAMESPACE = "tools";

  /** The smallest useful server: one text tool, every other field defaulted. */
  public static final String HELLO =
      """
      apiVersion: mcpfleet.dev/v1alpha1
      kind: McpServer
      metadata:
        name: hello
      spec:
        server:
          name: hello
          tools:
            - name: greet
              description: Says hello.
              inputSchema:
                type: object
                properties:
                  name: {type: string}
              text:
                content:
                  - type: text
                    text: "Hello, {{name}}!"
      """;

  /** A server whose HTTP tool sends a token from a Secret. */
  public static final String WEATHER =
      """
      apiVersion: mcpfleet.dev/v1alpha1
      kind: McpServer
      metadata:
        name: weather
      spec:
        server:
          name: weather
          tools:
            - name: forecast
              description: The forecast for a city.
              inputSchema:
                type: object
                properties:
                  city: {type: string}
                required: [city]
              http:
                url: https://api.example.com/v1/forecast?city={{city}}
                headers:
                  - name: Authorization
                    prefix: "Bearer "
                    valueFrom:
                      secretKeyRef: {name: weather-api, key: token}
      """;

  private TestServers() {}

  /** Parses a manifest and places it in {@link #NAMESPACE} at generation 1. */
  public static McpServer parse(String yaml) {
    try {
      McpServer server = ManifestReader.parse("test.yaml", yaml);
      server.getMetadata().setNamespace(NAMESPACE);
      server.getMetadata().setGeneration(1L);
      return server;
    } catch (ManifestException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * A server named {@code fronted} whose {@code spec.upstream} is {@code upstream}, with extra spec
   * sections {@code more} (both YAML, indented as under their key).
   */
  public static McpServer upstream(String upstream, String more) {
    return parse(
        """
        apiVersion: mcpfleet.dev/v1alpha1
        kind: McpServer
        metadata: {name: fronted}
        spec:
          upstream:
        %s%s
        """
            .formatted(upstream.stripIndent().indent(4), more.stripIndent().indent(2)));
  }

  /** {@link #HELLO} with extra spec sections appended (YAML indented under spec). */
  public static McpServer helloWith(String specSections) {
    return parse(HELLO + specSections.stripIndent().indent(2));
  }

  public static Secret secret(String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .withData(data)
        .build();
  }

  public static ConfigMap configMap(String name, Map<String, String> values) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .withData(values)
        .build();
  }

  public static ReferencedData secrets(Secret... secrets) {
    return ReferencedData.of(List.of(secrets), List.of());
  }

  public static RenderInputs inputs() {
    return RenderInputs.offline(config());
  }

  /** Inputs where the WEATHER server's Secret 'weather-api' holds {@code values}. */
  public static RenderInputs weatherApiSecret(Map<String, String> values) {
    return inputs(secrets(secret("weather-api", values)));
  }

  public static RenderInputs inputs(ReferencedData references) {
    return new RenderInputs(config(), references);
  }

  /** True when {@code server} (possibly null, or without status) has that condition status. */
  public static boolean hasCondition(McpServer server, ConditionType type, String status) {
    return server != null
        && server.getStatus() != null
        && server.getStatus().condition(type) != null
        && status.equals(server.getStatus().condition(type).getStatus());
  }

  /** Operator settings with a fixed runtime image. */
  public static OperatorConfig config() {
    return OperatorConfig.fromEnvironment(Map.of("RUNTIME_IMAGE", "mcp-fleet/runtime:test"));
  }
}
