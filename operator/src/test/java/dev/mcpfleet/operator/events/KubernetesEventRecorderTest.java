package dev.mcpfleet.operator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.TestServers;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesEventRecorderTest {

  static KubernetesClient client;

  static final Instant T0 = Instant.parse("2026-05-01T10:00:00.123456Z");
  static final McpServerEvent MISSING_SECRET =
      McpServerEvent.warning(
          "SecretNotFound", McpServerEvent.VALIDATE, "Secret 'weather-api' not found");

  /** A clock the test moves on. */
  static final class TestClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock();
  private final KubernetesEventRecorder recorder =
      new KubernetesEventRecorder(client, clock, "mcp-fleet-operator-7d9c-abcde");

  private static McpServer server(String name) {
    McpServer server = TestServers.parse(TestServers.HELLO);
    server.getMetadata().setName(name);
    server.getMetadata().setUid(UUID.randomUUID().toString());
    return server;
  }

  private static List<Event> eventsOf(McpServer server) {
    return client
        .events()
        .v1()
        .events()
        .inNamespace(TestServers.NAMESPACE)
        .list()
        .getItems()
        .stream()
        .filter(e -> server.getMetadata().getUid().equals(e.getRegarding().getUid()))
        .toList();
  }

  @Test
  void anEventRegardsTheMcpServerAndNamesTheOperator() {
    McpServer server = server("described");

    recorder.record(server, List.of(MISSING_SECRET));

    assertThat(eventsOf(server))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getMetadata().getName()).startsWith("described.");
              assertThat(event.getRegarding().getKind()).isEqualTo("McpServer");
              assertThat(event.getRegarding().getApiVersion()).isEqualTo("mcpfleet.dev/v1alpha1");
              assertThat(event.getRegarding().getName()).isEqualTo("described");
              assertThat(event.getRegarding().getNamespace()).isEqualTo(TestServers.NAMESPACE);
              assertThat(event.getType()).isEqualTo("Warning");
              assertThat(event.getReason()).isEqualTo("SecretNotFound");
              assertThat(event.getAction()).isEqualTo("Validate");
              assertThat(event.getNote()).isEqualTo("Secret 'weather-api' not found");
              assertThat(event.getEventTime().getTime()).isEqualTo("2026-05-01T10:00:00.123456Z");
              assertThat(event.getReportingController()).isEqualTo("mcpfleet.dev/operator");
              assertThat(event.getReportingInstance()).isEqualTo("mcp-fleet-operator-7d9c-abcde");
              assertThat(event.getSeries()).isNull();
            });
  }

  @Test
  void theSameEventAgainSoonIsCountedInTheFirstOnesSeries() {
    McpServer server = server("flapping");
    recorder.record(server, List.of(MISSING_SECRET));

    clock.now = T0.plusSeconds(30);
    recorder.record(server, List.of(MISSING_SECRET));
    clock.now = T0.plusSeconds(60);
    recorder.record(server, List.of(MISSING_SECRET));

    assertThat(eventsOf(server))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getSeries().getCount()).isEqualTo(3);
              assertThat(event.getSeries().getLastObservedTime().getTime())
                  .isEqualTo("2026-05-01T10:01:00.123456Z");
            });
  }

  @Test
  void aRepeatOfAnEventTheApiServerAlreadyDeletedIsANewEvent() {
    McpServer server = server("expired");
    recorder.record(server, List.of(MISSING_SECRET));
    eventsOf(server).forEach(e -> client.resource(e).delete()); // the API server's event TTL

    clock.now = T0.plusSeconds(30);
    recorder.record(server, List.of(MISSING_SECRET));

    assertThat(eventsOf(server))
        .singleElement()
        .satisfies(event -> assertThat(event.getSeries()).isNull());
  }

  @Test
  void anotherEventOrTheSameOneMuchLaterIsANewEvent() {
    McpServer server = server("busy");
    recorder.record(server, List.of(MISSING_SECRET));

    recorder.record(
        server,
        List.of(McpServerEvent.normal("SpecAccepted", McpServerEvent.VALIDATE, "accepted")));
    clock.now = T0.plus(KubernetesEventRecorder.SERIES_WINDOW).plus(Duration.ofSeconds(1));
    recorder.record(server, List.of(MISSING_SECRET));

    assertThat(eventsOf(server))
        .extracting(Event::getReason)
        .containsExactlyInAnyOrder("SecretNotFound", "SpecAccepted", "SecretNotFound");
  }

  @Test
  void aLongNoteIsCutToTheApisLimitInBytes() {
    String note = "é".repeat(2000);

    String cut = KubernetesEventRecorder.truncate(note);

    assertThat(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(KubernetesEventRecorder.NOTE_LIMIT);
    assertThat(cut).startsWith("éé").endsWith("...");
    assertThat(KubernetesEventRecorder.truncate("short")).isEqualTo("short");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anEventThatCannotBeWrittenIsDroppedWithoutFailingTheReconciliation() {
    KubernetesClient refusing = mock(KubernetesClient.class);
    when(refusing.events()).thenThrow(new KubernetesClientException("forbidden", 403, null));
    var unlucky = new KubernetesEventRecorder(refusing, clock, "operator");

    unlucky.record(server("refused"), List.of(MISSING_SECRET));

    assertThat(client.events().v1().events().inAnyNamespace().list().getItems())
        .noneMatch(e -> e.getRegarding().getName().equals("refused"));
  }
}
