package dev.mcpfleet.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ConcurrentEditsTest {

  static KubernetesClient client;

  @Test
  void editThatLosesARaceIsAppliedAgainOnTheLatestVersion() {
    create("raced");
    AtomicInteger attempts = new AtomicInteger();

    ConfigMap edited =
        ConcurrentEdits.of(client, ConfigMap.class, "default", "raced")
            .edit(
                c -> {
                  if (attempts.incrementAndGet() == 1) {
                    // Another writer lands between this edit's read and its write.
                    client
                        .configMaps()
                        .inNamespace("default")
                        .withName("raced")
                        .edit(other -> withData(other, "theirs", "1"));
                  }
                  return withData(c, "ours", "2");
                });

    assertThat(attempts).hasValue(2);
    assertThat(edited.getData()).containsEntry("theirs", "1").containsEntry("ours", "2");
  }

  @Test
  void plainFabric8EditFailsWithConflictInTheSameRace() {
    create("unguarded");

    assertThatThrownBy(
            () ->
                client
                    .configMaps()
                    .inNamespace("default")
                    .withName("unguarded")
                    .edit(
                        c -> {
                          client
                              .configMaps()
                              .inNamespace("default")
                              .withName("unguarded")
                              .edit(other -> withData(other, "theirs", "1"));
                          return withData(c, "ours", "2");
                        }))
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void otherErrorsAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                ConcurrentEdits.of(client, ConfigMap.class, "default", "missing")
                    .edit(
                        c -> {
                          attempts.incrementAndGet();
                          return c;
                        }))
        .isInstanceOf(KubernetesClientException.class);
    assertThat(attempts).hasValue(0);
  }

  @Test
  void aConflictThatNeverEndsFailsAfterTheLastAttempt() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                ConcurrentEdits.retryOnConflict(
                    () -> {
                      attempts.incrementAndGet();
                      throw new KubernetesClientException("conflict", 409, null);
                    }))
        .isInstanceOf(KubernetesClientException.class);
    assertThat(attempts).hasValue(ConcurrentEdits.ATTEMPTS);
  }

  private static void create(String name) {
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .endMetadata()
                .build())
        .create();
  }

  private static ConfigMap withData(ConfigMap configMap, String key, String value) {
    configMap.setData(
        new java.util.HashMap<>(
            configMap.getData() == null ? java.util.Map.of() : configMap.getData()));
    configMap.getData().put(key, value);
    return configMap;
  }
}
