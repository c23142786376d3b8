package dev.mcpfleet.operator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.reference.Reference.Kind;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferencedDataTest {

  @Test
  void stringDataAndBase64DataOfTheSameValueDigestAlike() {
    var encoded = TestServers.secret("s", Map.of("token", "value"));
    var plain =
        new SecretBuilder()
            .withNewMetadata()
            .withName("s")
            .endMetadata()
            .withStringData(Map.of("token", "value"))
            .build();

    var fromCluster = ReferencedData.of(List.of(encoded), List.of()).find(Kind.SECRET, "s");
    var fromFile = ReferencedData.of(List.of(plain), List.of()).find(Kind.SECRET, "s");

    assertThat(fromCluster).isPresent();
    assertThat(fromCluster.get().digest("token")).isEqualTo(fromFile.get().digest("token"));
  }

  @Test
  void keepsKeysAndDigestsButNoValues() {
    var data =
        ReferencedData.of(
            List.of(TestServers.secret("s", Map.of("token", "s3cr3t"))),
            List.of(TestServers.configMap("c", Map.of("url", "redis://r"))));

    var secret = data.find(Kind.SECRET, "s").orElseThrow();
    assertThat(secret.keys()).containsExactly("token");
    assertThat(secret.toString()).doesNotContain("s3cr3t");
    assertThat(data.find(Kind.CONFIG_MAP, "c").orElseThrow().hasKey("url")).isTrue();
    assertThat(data.find(Kind.SECRET, "c")).isEmpty();
  }

  @Test
  void theCacheKeepsDigestsThatReadBackAsTheValuesDigests() {
    var secret = TestServers.secret("s", Map.of("token", "s3cr3t"));
    var configMap = TestServers.configMap("c", Map.of("url", "redis://r"));
    DigestingStore<io.fabric8.kubernetes.api.model.Secret> secrets =
        new DigestingStore<>(ReferencedData::digested);
    DigestingStore<io.fabric8.kubernetes.api.model.ConfigMap> configMaps =
        new DigestingStore<>(ReferencedData::digested);

    secrets.put(secrets.getKey(secret), secret);
    configMaps.put(configMaps.getKey(configMap), configMap);

    var cached = secrets.values().toList();
    assertThat(Serialization.asJson(cached))
        .doesNotContain("s3cr3t")
        .doesNotContain(secret.getData().get("token"));
    assertThat(Serialization.asJson(configMaps.values().toList())).doesNotContain("redis://r");
    var fromCache = ReferencedData.of(cached, configMaps.values().toList());
    var fromObjects = ReferencedData.of(List.of(secret), List.of(configMap));
    assertThat(fromCache.find(Kind.SECRET, "s")).isEqualTo(fromObjects.find(Kind.SECRET, "s"));
    assertThat(fromCache.find(Kind.CONFIG_MAP, "c"))
        .isEqualTo(fromObjects.find(Kind.CONFIG_MAP, "c"));
  }
}
