package dev.mcpfleet.operator.dependent;

import dev.mcpfleet.api.Defaults;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container's requests and limits: the guide's 250m/256Mi requests and 500m/512Mi limits, each
 * replaced by the spec's value where one is given. A request raised above the default limit raises
 * that limit with it, so an override of one number never yields an invalid pair.
 */
final class ContainerResources {

  private ContainerResources() {}

  static ResourceRequirements of(ResourceRequirements override) {
    Map<String, Quantity> requests = new TreeMap<>();
    requests.put("cpu", new Quantity(Defaults.CPU_REQUEST));
    requests.put("memory", new Quantity(Defaults.MEMORY_REQUEST));
    Map<String, Quantity> limits = new TreeMap<>();
    limits.put("cpu", new Quantity(Defaults.CPU_LIMIT));
    limits.put("memory", new Quantity(Defaults.MEMORY_LIMIT));
    Map<String, Quantity> ownLimits = Map.of();
    if (override != null) {
      if (override.getRequests() != null) {
        requests.putAll(override.getRequests());
      }
      if (override.getLimits() != null) {
        ownLimits = override.getLimits();
        limits.putAll(ownLimits);
      }
    }
    for (var request : requests.entrySet()) {
      Quantity limit = limits.get(request.getKey());
      boolean defaultLimit = !ownLimits.containsKey(request.getKey());
      if (defaultLimit
          && limit != null
          && request.getValue().getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
        limits.put(request.getKey(), request.getValue());
      }
    }
    return new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits).build();
  }
}
