package dev.mcpfleet.operator;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.McpServerStatus;
import dev.mcpfleet.operator.dependent.ConfigMapDependentResource;
import dev.mcpfleet.operator.dependent.DeploymentDependentResource;
import dev.mcpfleet.operator.dependent.HorizontalPodAutoscalerDependentResource;
import dev.mcpfleet.operator.dependent.HorizontalPodAutoscalerDependentResource.AutoscalingEnabled;
import dev.mcpfleet.operator.dependent.NetworkPolicyDependentResource;
import dev.mcpfleet.operator.dependent.NetworkPolicyDependentResource.NetworkPolicyWanted;
import dev.mcpfleet.operator.dependent.PodDisruptionBudgetDependentResource;
import dev.mcpfleet.operator.dependent.PodDisruptionBudgetDependentResource.DisruptionBudgetWanted;
import dev.mcpfleet.operator.dependent.ReplicasHandover;
import dev.mcpfleet.operator.dependent.ServiceAccountDependentResource;
import dev.mcpfleet.operator.dependent.ServiceDependentResource;
import dev.mcpfleet.operator.dependent.ServiceMonitorDependentResource;
import dev.mcpfleet.operator.dependent.ServiceMonitorDependentResource.MonitoringApiInstalled;
import dev.mcpfleet.operator.dependent.ServiceMonitorDependentResource.ServiceMonitorWanted;
import dev.mcpfleet.operator.events.EventRecorder;
import dev.mcpfleet.operator.reference.ReferenceWatch;
import dev.mcpfleet.operator.reference.ReferencedData;
import dev.mcpfleet.operator.status.McpServerStatusAggregator;
import dev.mcpfleet.operator.status.Observation;
import dev.mcpfleet.operator.status.PodWatch;
import dev.mcpfleet.operator.status.StatusPatch;
import dev.mcpfleet.operator.status.StatusTransitions;
import dev.mcpfleet.operator.validation.Acceptance;
import dev.mcpfleet.operator.validation.AcceptanceCheck;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reconciles an McpServer: checks the spec and its references, applies the dependents only when it
 * is accepted (so nothing is ever half-applied), then writes the status if it changed and records
 * an Event for each meaningful transition of it.
 */
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(type = ConfigMapDependentResource.class, name = ConfigMapDependentResource.NAME),
      @Dependent(
          type = ServiceAccountDependentResource.class,
          name = ServiceAccountDependentResource.NAME),
      @Dependent(type = ServiceDependentResource.class, name = ServiceDependentResource.NAME),
      @Dependent(
          type = DeploymentDependentResource.class,
          name = DeploymentDependentResource.NAME,
          dependsOn = {ConfigMapDependentResource.NAME, ServiceAccountDependentResource.NAME}),
      @Dependent(
          type = HorizontalPodAutoscalerDependentResource.class,
          name = HorizontalPodAutoscalerDependentResource.NAME,
          reconcilePrecondition = AutoscalingEnabled.class,
          dependsOn = DeploymentDependentResource.NAME),
      @Dependent(
          type = PodDisruptionBudgetDependentResource.class,
          name = PodDisruptionBudgetDependentResource.NAME,
          reconcilePrecondition = DisruptionBudgetWanted.class),
      @Dependent(
          type = NetworkPolicyDependentResource.class,
          name = NetworkPolicyDependentResource.NAME,
          reconcilePrecondition = NetworkPolicyWanted.class),
      @Dependent(
          type = ServiceMonitorDependentResource.class,
          name = ServiceMonitorDependentResource.NAME,
          activationCondition = MonitoringApiInstalled.class,
          reconcilePrecondition = ServiceMonitorWanted.class,
          dependsOn = ServiceDependentResource.NAME)
    })
@ControllerConfiguration(
    name = McpServerReconciler.NAME,
    fieldManager = McpServerReconciler.FIELD_MANAGER)
public class McpServerReconciler implements Reconciler<McpServer> {

  public static final String NAME = "mcpserver";

  /** The server-side apply field manager of every object MCP Fleet writes. */
  public static final String FIELD_MANAGER = "mcp-fleet";

  private final OperatorConfig config;
  private final AcceptanceCheck acceptanceCheck;
  private final McpServerStatusAggregator statusAggregator;
  private final EventRecorder events;

  public McpServerReconciler(
      OperatorConfig config,
      AcceptanceCheck acceptanceCheck,
      McpServerStatusAggregator statusAggregator,
      EventRecorder events) {
    this.config = config;
    this.acceptanceCheck = acceptanceCheck;
    this.statusAggregator = statusAggregator;
    this.events = events;
  }

  @Override
  public List<EventSource<?, McpServer>> prepareEventSources(EventSourceContext<McpServer> ctx) {
    List<EventSource<?, McpServer>> sources = new ArrayList<>(ReferenceWatch.eventSources(ctx));
    sources.add(PodWatch.eventSource(ctx));
    return sources;
  }

  @Override
  public UpdateControl<McpServer> reconcile(McpServer server, Context<McpServer> context) {
    ReferencedData references = ReferenceWatch.read(server, context);
    Acceptance acceptance = acceptanceCheck.check(server, references);
    if (acceptance.accepted()) {
      new RenderInputs(config, references).putInto(context);
      ReplicasHandover.prepare(
          server, context.getSecondaryResource(Deployment.class).orElse(null), context);
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    }
    Observation seen =
        new Observation(
            context.getSecondaryResource(Deployment.class).orElse(null),
            context.getSecondaryResources(Pod.class),
            MonitoringApiInstalled.missing(context) && ServiceMonitorWanted.requested(server));
    return patchIfChanged(server, statusAggregator.aggregate(server, acceptance, seen));
  }

  @Override
  public ErrorStatusUpdateControl<McpServer> updateErrorStatus(
      McpServer server, Context<McpServer> context, Exception e) {
    McpServerStatus status = statusAggregator.failed(server, e);
    events.record(server, StatusTransitions.between(server.getStatus(), status));
    return ErrorStatusUpdateControl.patchStatus(StatusPatch.of(server, status));
  }

  private UpdateControl<McpServer> patchIfChanged(McpServer server, McpServerStatus status) {
    events.record(server, StatusTransitions.between(server.getStatus(), status));
    return status.equals(server.getStatus())
        ? UpdateControl.noUpdate()
        : UpdateControl.patchStatus(StatusPatch.of(server, status));
  }
}
