package dev.mcpfleet.operator.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.reference.Reference.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigHashTest {

  private static final List<Reference> TOKEN =
      List.of(Reference.key(Kind.SECRET, "api", "token", "spec.x"));

  @Test
  void sameInputsGiveTheSameHash() {
    var data = TestServers.secrets(TestServers.secret("api", Map.of("token", "a")));

    assertThat(ConfigHash.of("def", TOKEN, data)).isEqualTo(ConfigHash.of("def", TOKEN, data));
  }

  @Test
  void aSecretAppearingChangesTheHash() {
    String absent = ConfigHash.of("def", TOKEN, ReferencedData.none());
    String present =
        ConfigHash.of(
            "def", TOKEN, TestServers.secrets(TestServers.secret("api", Map.of("token", "a"))));

    assertThat(present).isNotEqualTo(absent);
  }

  @Test
  void wholeObjectReferencesFollowEveryKey() {
    List<Reference> whole = List.of(Reference.whole(Kind.SECRET, "keys", "spec.y"));

    String one =
        ConfigHash.of(
            "def", whole, TestServers.secrets(TestServers.secret("keys", Map.of("a", "1"))));
    String two =
        ConfigHash.of(
            "def",
            whole,
            TestServers.secrets(TestServers.secret("keys", Map.of("a", "1", "b", "2"))));

    assertThat(two).isNotEqualTo(one);
  }

  @Test
  void referenceOrderDoesNotMatter() {
    Reference a = Reference.key(Kind.SECRET, "a", "k", "f1");
    Reference b = Reference.key(Kind.CONFIG_MAP, "b", "k", "f2");

    assertThat(ConfigHash.of("d", List.of(a, b), ReferencedData.none()))
        .isEqualTo(ConfigHash.of("d", List.of(b, a), ReferencedData.none()));
  }

  @Test
  void theHashRevealsNoValue() {
    String hash =
        ConfigHash.of(
            "def",
            TOKEN,
            TestServers.secrets(TestServers.secret("api", Map.of("token", "s3cr3t"))));

    assertThat(hash).matches("[0-9a-f]{64}").doesNotContain("s3cr3t");
  }
}
