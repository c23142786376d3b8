package dev.mcpfleet.e2e.support;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;
import org.awaitility.Awaitility;

/** What a test does to and waits for in a cluster where the operator runs. */
public final class Fleet {

  public static final Duration WAIT = Duration.ofSeconds(60);

  private Fleet() {}

  public static McpServer get(KubernetesClient client, String namespace, String name) {
    return client.resources(McpServer.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the object exists, and returns it. */
  public static <T extends HasMetadata> T awaitObject(
      KubernetesClient client, Class<T> type, String namespace, String name) {
    return Awaitility.await()
        .atMost(WAIT)
        .alias("%s %s/%s".formatted(type.getSimpleName(), namespace, name))
        .until(
            () -> client.resources(type).inNamespace(namespace).withName(name).get(),
            Objects::nonNull);
  }

  /** Waits until the McpServer's condition has the status, and returns the McpServer then. */
  public static McpServer awaitCondition(
      KubernetesClient client, String namespace, String name, ConditionType type, String status) {
    return Awaitility.await()
        .atMost(WAIT)
        .alias("%s/%s %s=%s".formatted(namespace, name, type, status))
        .until(
            () -> get(client, namespace, name),
            s ->
                s != null
                    && s.getStatus() != null
                    && s.getStatus().condition(type) != null
                    && status.equals(s.getStatus().condition(type).getStatus()));
  }

  /** Waits until the API server serves the McpServer CRD (condition Established=True). */
  public static CustomResourceDefinition awaitCrdEstablished(KubernetesClient client) {
    return client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName("mcpservers.mcpfleet.dev")
        .waitUntilCondition(
            crd ->
                crd != null
                    && crd.getStatus() != null
                    && crd.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> c.getType().equals("Established") && c.getStatus().equals("True")),
            WAIT.toSeconds(),
            java.util.concurrent.TimeUnit.SECONDS);
  }
}
