package dev.mcpfleet.operator;

import dev.mcpfleet.api.McpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes API rights the operator uses, collected from the workflow's dependents and the
 * watches it opens, for the Helm chart's (Cluster)Role. {@code java -jar ... rbac} prints them.
 */
public final class OperatorPermissions {

  /** What a dependent needs: watch its kind, create and update it, delete it when switched off. */
  static final List<String> MANAGE =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");

  static final List<String> READ = List.of("get", "list", "watch");

  private OperatorPermissions() {}

  /** One rule per API group and resource, verbs merged. */
  public static List<PolicyRule> rules(OperatorConfig config) {
    Map<String, Set<String>> verbs = new LinkedHashMap<>();
    add(verbs, McpServer.class, "", READ);
    add(verbs, McpServer.class, "/status", List.of("get", "update", "patch"));
    for (ManagedWorkflow.Step step : ManagedWorkflow.steps()) {
      add(verbs, step.resourceType(), "", MANAGE);
    }
    // Referenced Secrets and ConfigMaps are read and watched; runtime pods are watched for status.
    add(verbs, Secret.class, "", READ);
    add(verbs, ConfigMap.class, "", READ);
    add(verbs, Pod.class, "", READ);
    // Events on McpServers: created, and patched when the same event repeats (its series count).
    add(verbs, Event.class, "", List.of("create", "patch"));
    if (config.leaderElection().enabled()) {
      add(verbs, Lease.class, "", List.of("get", "create", "update"));
    }
    List<PolicyRule> rules = new ArrayList<>();
    verbs.forEach(
        (key, set) -> {
          String[] groupAndResource = key.split("\\|", 2);
          rules.add(
              new PolicyRuleBuilder()
                  .withApiGroups(groupAndResource[0])
                  .withResources(groupAndResource[1])
                  .withVerbs(List.copyOf(set))
                  .build());
        });
    return rules;
  }

  private static void add(
      Map<String, Set<String>> verbs,
      Class<? extends HasMetadata> type,
      String subresource,
      List<String> wanted) {
    String key = HasMetadata.getGroup(type) + "|" + HasMetadata.getPlural(type) + subresource;
    verbs.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(wanted);
  }
}
