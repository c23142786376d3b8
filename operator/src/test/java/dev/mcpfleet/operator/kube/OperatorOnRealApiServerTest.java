package dev.mcpfleet.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.McpServerReconciler;
import dev.mcpfleet.operator.OperatorConfig;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.dependent.ReplicasHandover;
import dev.mcpfleet.operator.testing.ConcurrentEdits;
import dev.mcpfleet.operator.testing.FleetOperator;
import dev.mcpfleet.operator.testing.KubeLocal;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator against a real kube-apiserver (shared/kube), with server-side apply exactly as in
 * production, and the generated CRD's validation as the API server enforces it. Skips where no
 * kube-apiserver binary exists; {@code CrdValidationTest} and the mock API server tests cover the
 * same ground without one.
 */
@ExtendWith(KubeLocal.class)
class OperatorOnRealApiServerTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final Duration SETTLE = Duration.ofSeconds(3);
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String CRD_NAME = "mcpservers.mcpfleet.dev";

  static KubernetesClient client;
  static FleetOperator operator;
  static String ns;

  @BeforeAll
  static void start(KubeLocal.ControlPlane plane) throws Exception {
    client = new KubernetesClientBuilder().withConfig(plane.config()).build();
    try (InputStream in = Files.newInputStream(Path.of("..", "crds", CRD_NAME + "-v1.yml"))) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.resource(crd).fieldManager("mcp-fleet-tests").forceConflicts().serverSideApply();
    }
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(CRD_NAME)
        .waitUntilCondition(
            c ->
                c != null
                    && c.getStatus() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(
                            k -> "Established".equals(k.getType()) && "True".equals(k.getStatus())),
            60,
            TimeUnit.SECONDS);
    ns = "mcp-it-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    OperatorConfig operatorConfig =
        OperatorConfig.fromEnvironment(
            Map.of("WATCH_NAMESPACES", ns, "RUNTIME_IMAGE", "mcp-fleet/runtime:test"));
    // Production settings: server-side apply for dependents and status, nothing switched off.
    operator = FleetOperator.start(operatorConfig, client);
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (client != null) {
      client.namespaces().withName(ns).delete();
      client.close();
    }
  }

  @Test
  void crdRejectsEveryInvalidExampleWithItsMessage() throws Exception {
    int i = 0;
    for (JsonNode example : examples("invalid")) {
      String name = "invalid-" + i++;
      List<String> expected = new ArrayList<>();
      example.path("errors").forEach(e -> expected.add(e.asText()));
      if (expected.stream().allMatch(e -> e.endsWith(": unknownField"))) {
        continue; // a plain create prunes unknown fields; only strict field validation rejects them
      }

      assertThatThrownBy(() -> create(name, example.get("spec")))
          .as(example.path("name").asText())
          .isInstanceOfSatisfying(
              KubernetesClientException.class,
              e -> {
                assertThat(e.getCode()).isEqualTo(422);
                for (String error : expected) {
                  String path = error.substring(0, error.indexOf(": "));
                  String what = error.substring(error.indexOf(": ") + 2);
                  assertThat(e.getMessage()).contains(path);
                  if (what.contains(" ")) {
                    assertThat(e.getMessage()).contains(what); // a CEL rule's own message
                  }
                }
              });
    }
  }

  @Test
  void validExamplesAreStoredAsWrittenWithNoDefaultsAdded() throws Exception {
    int i = 0;
    for (JsonNode example : examples("valid")) {
      String name = "valid-" + i++;
      GenericKubernetesResource created = create(name, example.get("spec"));

      JsonNode stored = YAML.valueToTree(created.getAdditionalProperties().get("spec"));
      assertThat(stored).as(example.path("name").asText()).isEqualTo(example.get("spec"));
      client.resource(created).delete();
    }
  }

  @Test
  void operatorAppliesItsObjectsAndStatusWithServerSideApply() {
    createServer("ssa", TestServers.HELLO);

    Deployment deployment =
        await().atMost(WAIT).until(() -> get(Deployment.class, "ssa"), d -> d != null);
    McpServer server = awaitStatus("ssa", ConditionType.Accepted, "True");

    assertThat(applyEntry(deployment, McpServerReconciler.FIELD_MANAGER)).isNotNull();
    assertThat(server.getMetadata().getManagedFields())
        .anySatisfy(
            m -> {
              assertThat(m.getManager()).isEqualTo(McpServerReconciler.FIELD_MANAGER);
              assertThat(m.getOperation()).isEqualTo("Apply");
              assertThat(m.getSubresource()).isEqualTo("status");
            });
    assertThat(deployment.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(r -> assertThat(r.getUid()).isEqualTo(server.getMetadata().getUid()));
  }

  @Test
  void statusIsASubresourceThatSpecWritesCannotChange() {
    createServer("subresource", TestServers.HELLO);
    McpServer accepted = awaitStatus("subresource", ConditionType.Accepted, "True");

    McpServer edited =
        ConcurrentEdits.of(client, McpServer.class, ns, "subresource")
            .edit(
                s -> {
                  s.getMetadata().setLabels(Map.of("touched", "yes"));
                  s.setStatus(null);
                  return s;
                });

    assertThat(edited.getStatus()).isEqualTo(accepted.getStatus());
  }

  @Test
  void steadyStateWritesNothing() throws Exception {
    createServer("steady", TestServers.HELLO);
    awaitStatus("steady", ConditionType.Accepted, "True");
    await().atMost(WAIT).until(() -> get(HorizontalPodAutoscaler.class, "steady"), h -> h != null);

    Map<String, String> before = awaitSettled("steady");
    Thread.sleep(8000);
    Map<String, String> after = operatorWrites("steady");

    assertThat(before).isNotEmpty();
    assertThat(after).as("the operator's applies (time and fields) per object").isEqualTo(before);
  }

  @Test
  void switchingFromFixedReplicasToAutoscalingKeepsTheReplicaCount() {
    createServer("handover", TestServers.HELLO + "  scaling: {replicas: 5}\n");
    await()
        .atMost(WAIT)
        .until(
            () -> get(Deployment.class, "handover"),
            d -> d != null && d.getSpec().getReplicas() == 5);

    McpServer autoscaled = TestServers.parse(TestServers.HELLO);
    ConcurrentEdits.of(client, McpServer.class, ns, "handover")
        .edit(
            s -> {
              s.setSpec(autoscaled.getSpec());
              return s;
            });

    await()
        .atMost(WAIT)
        .until(() -> get(HorizontalPodAutoscaler.class, "handover"), h -> h != null);
    Deployment deployment =
        await()
            .atMost(WAIT)
            .until(
                () -> get(Deployment.class, "handover"),
                d -> !ownsReplicas(d, McpServerReconciler.FIELD_MANAGER));
    assertThat(deployment.getSpec().getReplicas()).as("no scale-down to 1").isEqualTo(5);
    assertThat(ownsReplicas(deployment, ReplicasHandover.FIELD_MANAGER)).isTrue();
  }

  // --- helpers

  static List<JsonNode> examples(String section) throws Exception {
    try (InputStream in =
        OperatorOnRealApiServerTest.class.getResourceAsStream("/crd-examples.yaml")) {
      List<JsonNode> list = new ArrayList<>();
      YAML.readTree(in).path(section).forEach(list::add);
      return list;
    }
  }

  static GenericKubernetesResource create(String name, JsonNode spec) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion(McpServer.API_VERSION);
    resource.setKind(McpServer.KIND);
    resource.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(name)
            .withNamespace(ns)
            .build());
    resource.setAdditionalProperty("spec", YAML.convertValue(spec, Map.class));
    return client.resource(resource).create();
  }

  static void createServer(String name, String manifest) {
    McpServer server = TestServers.parse(manifest);
    server.getMetadata().setName(name);
    server.getMetadata().setNamespace(ns);
    server.getMetadata().setGeneration(null);
    client.resource(server).create();
  }

  static <T extends HasMetadata> T get(Class<T> type, String name) {
    return client.resources(type).inNamespace(ns).withName(name).get();
  }

  static McpServer awaitStatus(String name, ConditionType type, String status) {
    return await()
        .atMost(WAIT)
        .until(() -> get(McpServer.class, name), s -> TestServers.hasCondition(s, type, status));
  }

  static ManagedFieldsEntry applyEntry(HasMetadata object, String manager) {
    return object.getMetadata().getManagedFields().stream()
        .filter(m -> manager.equals(m.getManager()) && "Apply".equals(m.getOperation()))
        .findFirst()
        .orElse(null);
  }

  static boolean ownsReplicas(Deployment deployment, String manager) {
    ManagedFieldsEntry entry = applyEntry(deployment, manager);
    return entry != null
        && entry.getFieldsV1().getAdditionalProperties().get("f:spec") instanceof Map<?, ?> spec
        && spec.containsKey("f:replicas");
  }

  /**
   * The operator's apply entries once they stay the same for {@link #SETTLE}: what creating the
   * server set off has played out, however slowly a loaded machine runs it.
   */
  static Map<String, String> awaitSettled(String name) {
    AtomicReference<Map<String, String>> previous = new AtomicReference<>(Map.of());
    return await()
        .atMost(WAIT)
        .pollInterval(SETTLE)
        .until(
            () -> operatorWrites(name),
            now -> !now.isEmpty() && now.equals(previous.getAndSet(now)));
  }

  /** The operator's apply entries (time and fields) on the server and each of its objects. */
  static Map<String, String> operatorWrites(String name) {
    Map<String, String> writes = new HashMap<>();
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(get(McpServer.class, name));
    objects.add(get(Deployment.class, name));
    objects.add(get(HorizontalPodAutoscaler.class, name));
    objects.add(get(io.fabric8.kubernetes.api.model.Service.class, name));
    objects.add(get(io.fabric8.kubernetes.api.model.ServiceAccount.class, name));
    objects.add(get(io.fabric8.kubernetes.api.model.ConfigMap.class, name + "-definition"));
    objects.add(get(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class, name));
    objects.add(get(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, name));
    for (HasMetadata object : objects) {
      if (object == null) {
        continue; // not created yet: awaitSettled waits for it
      }
      for (ManagedFieldsEntry m : object.getMetadata().getManagedFields()) {
        if (McpServerReconciler.FIELD_MANAGER.equals(m.getManager())) {
          writes.put(
              object.getKind() + "/" + m.getSubresource(),
              m.getTime() + " " + m.getFieldsV1().getAdditionalProperties());
        }
      }
    }
    return writes;
  }
}
