package dev.mcpfleet.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  @Test
  void eventsAreTheirDataJoinedAcrossLinesWithOtherFieldsAndCommentsSkipped() {
    List<String> lines =
        List.of(
            ": keep-alive",
            "id: 1",
            "data:",
            "",
            "event: message",
            "data: {\"a\":",
            "data:1}",
            "retry: 1000",
            "",
            "data: last");
    List<String> seen = new ArrayList<>();

    boolean stopped = SseReader.read(lines.iterator(), data -> !seen.add(data));

    assertThat(stopped).isFalse();
    assertThat(seen).containsExactly("", "{\"a\":\n1}", "last");
  }

  @Test
  void theConsumerStopsTheReading() {
    List<String> seen = new ArrayList<>();

    boolean stopped =
        SseReader.read(
            List.of("data: one", "", "data: two", "").iterator(),
            data -> seen.add(data) && data.equals("one"));

    assertThat(stopped).isTrue();
    assertThat(seen).containsExactly("one");
  }
}
