package dev.mcpfleet.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.McpServerReconciler;
import dev.mcpfleet.operator.TestServers;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ReplicasHandoverTest {

  static final String OPERATOR = McpServerReconciler.FIELD_MANAGER;

  /** A Deployment whose spec.replicas (3) the given manager set with server-side apply. */
  static Deployment appliedBy(String manager, boolean withReplicas) {
    Map<String, Object> spec =
        withReplicas
            ? Map.of("f:replicas", Map.of(), "f:template", Map.of())
            : Map.of("f:template", Map.of());
    FieldsV1 fields = new FieldsV1();
    fields.setAdditionalProperty("f:spec", spec);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("hello")
        .withNamespace("tools")
        .addToManagedFields(
            new ManagedFieldsEntryBuilder()
                .withManager(manager)
                .withOperation("Apply")
                .withFieldsV1(fields)
                .build())
        .endMetadata()
        .withNewSpec()
        .withReplicas(3)
        .endSpec()
        .build();
  }

  @SuppressWarnings("unchecked")
  static Context<McpServer> context(boolean ssa) {
    Context<McpServer> context = mock(Context.class, RETURNS_DEEP_STUBS);
    when(context.getControllerConfiguration().fieldManager()).thenReturn(OPERATOR);
    when(context
            .getControllerConfiguration()
            .getConfigurationService()
            .ssaBasedCreateUpdateMatchForDependentResources())
        .thenReturn(ssa);
    return context;
  }

  @Test
  void ownershipOfReplicasIsReadFromManagedFields() {
    assertThat(ReplicasHandover.ownsReplicas(appliedBy(OPERATOR, true), OPERATOR)).isTrue();
    assertThat(ReplicasHandover.ownsReplicas(appliedBy(OPERATOR, false), OPERATOR)).isFalse();
    assertThat(ReplicasHandover.ownsReplicas(appliedBy("kube-controller-manager", true), OPERATOR))
        .isFalse();
  }

  @Test
  void switchingToAutoscalingFirstAppliesTheCurrentCountUnderTheHandoverManager() {
    Context<McpServer> context = context(true);

    ReplicasHandover.prepare(
        TestServers.parse(TestServers.HELLO), appliedBy(OPERATOR, true), context);

    ArgumentCaptor<HasMetadata> applied = ArgumentCaptor.forClass(HasMetadata.class);
    verify(context.getClient()).resource(applied.capture());
    Deployment replicasOnly = (Deployment) applied.getValue();
    assertThat(replicasOnly.getMetadata().getName()).isEqualTo("hello");
    assertThat(replicasOnly.getSpec().getReplicas()).isEqualTo(3);
    assertThat(replicasOnly.getSpec().getTemplate()).isNull();
    assertThat(replicasOnly.getSpec().getSelector()).isNull();
    verify(context.getClient().resource(replicasOnly)).fieldManager(ReplicasHandover.FIELD_MANAGER);
  }

  @Test
  void nothingToHandOverWhenTheCountStaysFixed() {
    Context<McpServer> context = context(true);

    ReplicasHandover.prepare(
        TestServers.helloWith("scaling: {replicas: 3}"), appliedBy(OPERATOR, true), context);

    verify(context.getClient(), never()).resource(any(HasMetadata.class));
  }

  @Test
  void nothingToHandOverOnceTheOperatorNoLongerOwnsTheCount() {
    Context<McpServer> context = context(true);

    ReplicasHandover.prepare(
        TestServers.parse(TestServers.HELLO), appliedBy(OPERATOR, false), context);

    verify(context.getClient(), never()).resource(any(HasMetadata.class));
  }

  @Test
  void nothingToHandOverWithoutServerSideApply() {
    Context<McpServer> context = context(false);

    ReplicasHandover.prepare(
        TestServers.parse(TestServers.HELLO), appliedBy(OPERATOR, true), context);

    verify(context.getClient(), never()).resource(any(HasMetadata.class));
  }
}
