package dev.mcpfleet.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading Content-Type and Accept the way clients write them. */
class MediaTypesTest {

  @Test
  void jsonContentTypeMayCarryParameters() {
    assertThat(MediaTypes.isJson("application/json")).isTrue();
    assertThat(MediaTypes.isJson("Application/JSON; charset=utf-8")).isTrue();
    assertThat(MediaTypes.isJson("text/plain")).isFalse();
    assertThat(MediaTypes.isJson(null)).isFalse();
  }

  @Test
  void acceptAdmitsExactTypesWildcardsAndAbsence() {
    assertThat(MediaTypes.accepts("application/json, text/event-stream", MediaTypes.EVENT_STREAM))
        .isTrue();
    assertThat(MediaTypes.accepts("text/*", MediaTypes.EVENT_STREAM)).isTrue();
    assertThat(MediaTypes.accepts("*/*", MediaTypes.JSON)).isTrue();
    assertThat(MediaTypes.accepts(null, MediaTypes.JSON)).isTrue();
    assertThat(MediaTypes.accepts("text/html", MediaTypes.JSON)).isFalse();
  }

  @Test
  void zeroQualityRefusesAType() {
    assertThat(
            MediaTypes.accepts("application/json, text/event-stream;q=0", MediaTypes.EVENT_STREAM))
        .isFalse();
    assertThat(MediaTypes.accepts("text/event-stream;q=0.5", MediaTypes.EVENT_STREAM)).isTrue();
  }
}
