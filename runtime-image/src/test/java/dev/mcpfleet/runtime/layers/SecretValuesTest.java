package dev.mcpfleet.runtime.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.security.ApiKeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretValuesTest {

  @TempDir Path keys;

  @Test
  void theUnionOfSecretsAndApiKeysIsBuiltOncePerKeyRotation() throws Exception {
    Files.writeString(keys.resolve("alice"), "alice-key-0123456789\n");
    try (ApiKeyStore store = ApiKeyStore.open(keys)) {
      SecretValues values = new SecretValues(Set.of("weather-token-42"), store);

      Set<String> first = values.get();
      assertThat(first).containsExactlyInAnyOrder("weather-token-42", "alice-key-0123456789");
      assertThat(values.get()).isSameAs(first);

      Files.writeString(keys.resolve("alice"), "alice-key-rotated-99\n");
      store.reload();

      assertThat(values.get())
          .isNotSameAs(first)
          .containsExactlyInAnyOrder("weather-token-42", "alice-key-rotated-99");
    }
  }

  @Test
  void withoutApiKeysTheSecretsAreTheSameSetEveryTime() {
    SecretValues values = new SecretValues(Set.of("weather-token-42"), null);

    assertThat(values.get()).containsExactly("weather-token-42").isSameAs(values.get());
  }
}
