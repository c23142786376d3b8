package dev.mcpfleet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.spec.ValueSource;
import dev.mcpfleet.api.spec.ValueSource.KeyRef;
import org.junit.jupiter.api.Test;

class ValueSourceTest {

  @Test
  void secretKeysGetAnEnvironmentVariableNamedAfterSecretAndKey() {
    ValueSource source = new ValueSource(new KeyRef("weather-api", "token"), null);

    assertThat(source.secret()).isTrue();
    assertThat(source.envName()).isEqualTo("MCP_SECRET_WEATHER_API_TOKEN");
  }

  @Test
  void configMapKeysAreNotSecret() {
    ValueSource source = new ValueSource(null, new KeyRef("settings", "base.url"));

    assertThat(source.secret()).isFalse();
    assertThat(source.envName()).isEqualTo("MCP_CONFIG_SETTINGS_BASE_URL");
  }
}
