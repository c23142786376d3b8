package dev.mcpfleet.operator.reference;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.reference.Reference.Kind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Watches the Secrets and ConfigMaps that McpServers reference, so that creating a missing Secret
 * or changing a referenced value reconciles every McpServer that uses it. An index on the McpServer
 * cache maps an object back to the servers that name it. The cache keeps digests of their values,
 * never the values.
 */
public final class ReferenceWatch {

  public static final String SECRETS = "referenced-secrets";
  public static final String CONFIG_MAPS = "referenced-configmaps";
  private static final String INDEX = "mcpfleet-references";

  private ReferenceWatch() {}

  /** The two event sources; registers the index they map through. */
  public static List<EventSource<?, McpServer>> eventSources(
      EventSourceContext<McpServer> context) {
    context.getPrimaryCache().addIndexer(INDEX, ReferenceWatch::indexKeys);
    return List.of(
        informer(Secret.class, SECRETS, Kind.SECRET, ReferencedData::digested, context),
        informer(ConfigMap.class, CONFIG_MAPS, Kind.CONFIG_MAP, ReferencedData::digested, context));
  }

  /** The referenced objects of {@code server} that exist, as digests. */
  public static ReferencedData read(McpServer server, Context<McpServer> context) {
    var retriever = context.eventSourceRetriever();
    Set<Secret> secrets =
        retriever.getEventSourceFor(Secret.class, SECRETS).getSecondaryResources(server);
    Set<ConfigMap> configMaps =
        retriever.getEventSourceFor(ConfigMap.class, CONFIG_MAPS).getSecondaryResources(server);
    return ReferencedData.of(secrets, configMaps);
  }

  private static <R extends HasMetadata> InformerEventSource<R, McpServer> informer(
      Class<R> type,
      String name,
      Kind kind,
      UnaryOperator<R> digest,
      EventSourceContext<McpServer> context) {
    PrimaryToSecondaryMapper<McpServer> referenced = server -> ids(server, kind);
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(type, McpServer.class)
            .withName(name)
            .withItemStore(new DigestingStore<>(digest))
            .withPrimaryToSecondaryMapper(referenced)
            .withSecondaryToPrimaryMapper(
                object ->
                    context
                        .getPrimaryCache()
                        .byIndex(
                            INDEX,
                            key(
                                kind,
                                object.getMetadata().getNamespace(),
                                object.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build(),
        context);
  }

  private static Set<ResourceID> ids(McpServer server, Kind kind) {
    String namespace = server.getMetadata().getNamespace();
    return SpecReferences.of(server.getSpec()).stream()
        .filter(r -> r.kind() == kind)
        .map(r -> new ResourceID(r.name(), namespace))
        .collect(Collectors.toSet());
  }

  private static List<String> indexKeys(McpServer server) {
    String namespace = server.getMetadata().getNamespace();
    return SpecReferences.of(server.getSpec()).stream()
        .map(r -> key(r.kind(), namespace, r.name()))
        .distinct()
        .toList();
  }

  private static String key(Kind kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
