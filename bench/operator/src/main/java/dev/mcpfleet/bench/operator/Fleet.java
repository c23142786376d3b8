package dev.mcpfleet.bench.operator;

import dev.mcpfleet.api.ManifestException;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.McpServerRenderer;
import dev.mcpfleet.operator.OperatorConfig;
import dev.mcpfleet.operator.reference.ReferencedData;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The McpServers of a run: {@code size} copies of one manifest (the repository's
 * samples/hello.yaml, the tour of what a manifest declares) spread evenly over {@code namespaces}
 * namespaces.
 */
record Fleet(Path manifest, int size, int namespaces) {

  /** The i-th McpServer, as a user would apply it. */
  McpServer server(int i) {
    try {
      McpServer server = ManifestReader.read(manifest);
      server.getMetadata().setName("mcp-" + i);
      server.getMetadata().setNamespace(namespace(i));
      return server;
    } catch (ManifestException e) {
      throw new IllegalArgumentException(manifest + " is not a valid McpServer: " + e.getMessage());
    }
  }

  List<McpServer> servers() {
    return IntStream.range(0, size).mapToObj(this::server).toList();
  }

  String namespace(int i) {
    return "team-" + (i % namespaces);
  }

  /** The kinds of the objects the operator makes for each server, as the renderer shows them. */
  List<Class<? extends HasMetadata>> childKinds() {
    List<Class<? extends HasMetadata>> kinds = new ArrayList<>();
    for (HasMetadata object : children(server(0))) {
      kinds.add(object.getClass());
    }
    return kinds;
  }

  /**
   * What the operator applies for {@code server} on the mock API server, without owner references:
   * everything the renderer shows except the ServiceMonitor, since the mock, like a cluster without
   * the Prometheus Operator, has no monitoring API (the operator then reports it in the status).
   */
  static List<HasMetadata> children(McpServer server) {
    return McpServerRenderer.render(server, OperatorConfig.defaults(), ReferencedData.none())
        .stream()
        .filter(object -> !"ServiceMonitor".equals(object.getKind()))
        .toList();
  }
}
