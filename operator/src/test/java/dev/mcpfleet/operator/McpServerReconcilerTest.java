package dev.mcpfleet.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.events.McpServerEvent;
import dev.mcpfleet.operator.status.McpServerStatusAggregator;
import dev.mcpfleet.operator.validation.AcceptanceCheck;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reconciler's decisions with a mocked JOSDK context (no API server). */
class McpServerReconcilerTest {

  private final List<McpServerEvent> recorded = new ArrayList<>();
  private final McpServerReconciler reconciler =
      new McpServerReconciler(
          TestServers.config(),
          AcceptanceCheck.standard(),
          new McpServerStatusAggregator(
              Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC), ""),
          (server, events) -> recorded.addAll(events));

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Context<McpServer> contextWithoutReferencedObjects() {
    Context<McpServer> context = mock(Context.class, RETURNS_DEEP_STUBS);
    EventSource secrets = mock(EventSource.class);
    EventSource configMaps = mock(EventSource.class);
    when(secrets.getSecondaryResources(any())).thenReturn(Set.of());
    when(configMaps.getSecondaryResources(any())).thenReturn(Set.of());
    when(context.eventSourceRetriever().getEventSourceFor(eq(Secret.class), anyString()))
        .thenReturn(secrets);
    when(context.eventSourceRetriever().getEventSourceFor(eq(ConfigMap.class), anyString()))
        .thenReturn(configMaps);
    when(context.getSecondaryResource(any(Class.class))).thenReturn(Optional.empty());
    when(context.getSecondaryResources(any(Class.class))).thenReturn(Set.of());
    return context;
  }

  @Test
  void aRejectedSpecRunsNoWorkflowAndReportsWhy() {
    Context<McpServer> context = contextWithoutReferencedObjects();
    McpServer server = TestServers.parse(TestServers.WEATHER);

    UpdateControl<McpServer> control = reconciler.reconcile(server, context);

    verify(context.managedWorkflowAndDependentResourceContext(), never())
        .reconcileManagedWorkflow();
    assertThat(control.isPatchStatus()).isTrue();
    McpServer patch = control.getResource().orElseThrow();
    assertThat(patch.getSpec()).as("a status write carries nothing else").isNull();
    assertThat(patch.getStatus().condition(ConditionType.Accepted).getReason())
        .isEqualTo("SecretNotFound");
    assertThat(recorded)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.warning()).isTrue();
              assertThat(event.reason()).isEqualTo("SecretNotFound");
              assertThat(event.note())
                  .isEqualTo(patch.getStatus().condition(ConditionType.Accepted).getMessage());
            });
  }

  @Test
  void anUnchangedStatusIsNotWrittenAgain() {
    McpServer server = TestServers.parse(TestServers.WEATHER);
    McpServer first =
        reconciler.reconcile(server, contextWithoutReferencedObjects()).getResource().orElseThrow();
    server.setStatus(first.getStatus());

    recorded.clear();

    UpdateControl<McpServer> again =
        reconciler.reconcile(server, contextWithoutReferencedObjects());

    assertThat(again.isNoUpdate()).isTrue();
    assertThat(recorded).as("no event without a transition").isEmpty();
  }
}
