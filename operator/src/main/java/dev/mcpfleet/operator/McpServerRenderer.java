package dev.mcpfleet.operator;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.reference.ReferencedData;
import dev.mcpfleet.operator.validation.Acceptance;
import dev.mcpfleet.operator.validation.AcceptanceCheck;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects the operator would apply for an McpServer, computed without a cluster by the same
 * dependents' desired() code. Two things only a cluster knows are left out: owner references (they
 * need the McpServer's uid) and the check that referenced Secrets and ConfigMaps exist; a
 * ServiceMonitor is included when the spec wants one, as the operator does where the monitoring API
 * is installed.
 */
public final class McpServerRenderer {

  private McpServerRenderer() {}

  /**
   * Renders {@code server}.
   *
   * @param references the referenced Secrets and ConfigMaps known offline (they only change the
   *     config-hash annotation); {@link ReferencedData#none()} when there are none
   * @throws NotAcceptedException when the operator would not accept the spec
   */
  public static List<HasMetadata> render(
      McpServer server, OperatorConfig config, ReferencedData references) {
    Acceptance acceptance = AcceptanceCheck.standard().checkSpec(server);
    if (!acceptance.accepted()) {
      throw new NotAcceptedException(acceptance);
    }
    RenderInputs inputs = new RenderInputs(config, references);
    List<HasMetadata> objects = new ArrayList<>();
    for (ManagedWorkflow.Step step : ManagedWorkflow.steps()) {
      if (step.applies(server)) {
        objects.add(step.dependent().desired(server, inputs));
      }
    }
    return objects;
  }

  /** The spec would get Accepted=False; {@link #acceptance()} says why and what to fix. */
  public static final class NotAcceptedException extends RuntimeException {
    private final transient Acceptance acceptance;

    NotAcceptedException(Acceptance acceptance) {
      super(acceptance.reason() + ": " + acceptance.message());
      this.acceptance = acceptance;
    }

    public Acceptance acceptance() {
      return acceptance;
    }
  }
}
