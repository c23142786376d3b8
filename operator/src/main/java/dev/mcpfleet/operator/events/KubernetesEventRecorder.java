package dev.mcpfleet.operator.events;

import dev.mcpfleet.api.McpServer;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events.k8s.io/v1 Events regarding McpServers. The same event of the same McpServer again
 * within {@link #SERIES_WINDOW} does not make a new Event: the first one's {@code series} counts it
 * (as Kubernetes' own recorders do), so a flapping server cannot flood its namespace. A failed
 * write is logged and dropped: events inform, they never stop a reconciliation.
 */
public final class KubernetesEventRecorder implements EventRecorder {

  /** The {@code reportingController} of every MCP Fleet event. */
  public static final String REPORTING_CONTROLLER = "mcpfleet.dev/operator";

  /** The API's limit on a note, in bytes. */
  static final int NOTE_LIMIT = 1024;

  static final Duration SERIES_WINDOW = Duration.ofMinutes(10);

  /** How many recent events are remembered for series; the oldest is forgotten first. */
  static final int REMEMBERED = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEventRecorder.class);
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

  private record Key(String uid, McpServerEvent event) {}

  private record Recorded(String name, int count, Instant last) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;
  private final Map<Key, Recorded> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Recorded> eldest) {
          return size() > REMEMBERED;
        }
      };

  /**
   * @param instance the {@code reportingInstance}: this operator replica (its pod name)
   */
  public KubernetesEventRecorder(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    // The API rejects a reportingInstance longer than 128 characters.
    this.instance = instance.length() <= 128 ? instance : instance.substring(0, 128);
  }

  @Override
  public void record(McpServer server, List<McpServerEvent> events) {
    events.forEach(event -> record(server, event));
  }

  private void record(McpServer server, McpServerEvent event) {
    Key key = new Key(server.getMetadata().getUid(), event);
    Instant now = clock.instant();
    Recorded before = remembered(key);
    try {
      Recorded recorded =
          before != null && before.last().plus(SERIES_WINDOW).isAfter(now)
              ? repeat(server, event, before, now)
              : new Recorded(create(server, event, now), 1, now);
      remember(key, recorded);
    } catch (RuntimeException e) {
      forget(key);
      LOG.warn(
          "could not record event {} on McpServer {}/{}: {}",
          event.reason(),
          server.getMetadata().getNamespace(),
          server.getMetadata().getName(),
          e.getMessage());
    }
  }

  private String create(McpServer server, McpServerEvent event, Instant now) {
    String namespace = server.getMetadata().getNamespace();
    Event created =
        client
            .events()
            .v1()
            .events()
            .inNamespace(namespace)
            .resource(
                new EventBuilder()
                    .withNewMetadata()
                    .withGenerateName(server.getMetadata().getName() + ".")
                    .withNamespace(namespace)
                    .endMetadata()
                    .withRegarding(
                        new ObjectReferenceBuilder()
                            .withApiVersion(server.getApiVersion())
                            .withKind(server.getKind())
                            .withNamespace(namespace)
                            .withName(server.getMetadata().getName())
                            .withUid(server.getMetadata().getUid())
                            .build())
                    .withType(event.type())
                    .withReason(event.reason())
                    .withAction(event.action())
                    .withNote(truncate(event.note()))
                    .withEventTime(new MicroTime(MICRO_TIME.format(now)))
                    .withReportingController(REPORTING_CONTROLLER)
                    .withReportingInstance(instance)
                    .build())
            .create();
    return created.getMetadata().getName();
  }

  /** Counts the repeat in the first Event's series; a new Event if that one is gone already. */
  private Recorded repeat(McpServer server, McpServerEvent event, Recorded before, Instant now) {
    int count = before.count() + 1;
    try {
      client
          .events()
          .v1()
          .events()
          .inNamespace(server.getMetadata().getNamespace())
          .withName(before.name())
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"series\":{\"count\":%d,\"lastObservedTime\":\"%s\"}}"
                  .formatted(count, MICRO_TIME.format(now)));
      return new Recorded(before.name(), count, now);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
      return new Recorded(create(server, event, now), 1, now);
    }
  }

  /** At most {@link #NOTE_LIMIT} bytes of UTF-8, cut between characters. */
  static String truncate(String note) {
    if (note.getBytes(StandardCharsets.UTF_8).length <= NOTE_LIMIT) {
      return note;
    }
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int cp : note.codePoints().toArray()) {
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > NOTE_LIMIT - 3) {
        break;
      }
      kept.appendCodePoint(cp);
      bytes += size;
    }
    return kept.append("...").toString();
  }

  private synchronized Recorded remembered(Key key) {
    return recent.get(key);
  }

  private synchronized void remember(Key key, Recorded recorded) {
    recent.put(key, recorded);
  }

  private synchronized void forget(Key key) {
    recent.remove(key);
  }
}
