package dev.mcpfleet.operator.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.api.ConditionType;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.ManagedLabels;
import dev.mcpfleet.operator.TestServers;
import dev.mcpfleet.operator.reference.ConfigHash;
import dev.mcpfleet.operator.testing.ConcurrentEdits;
import dev.mcpfleet.operator.testing.DeploymentController;
import dev.mcpfleet.operator.testing.FleetOperator;
import dev.mcpfleet.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator end to end against fabric8's mock API server (CRUD mode, no server-side apply, no
 * garbage collection, no controllers: Deployment status is faked where a test needs it). One
 * operator serves every test; each test uses its own McpServer.
 */
class OperatorOnMockApiServerTest {

  static final String NS = TestServers.NAMESPACE;
  static final Duration WAIT = Duration.ofSeconds(60);

  static MockApiServer api;
  static KubernetesClient client;
  static FleetOperator operator;

  @BeforeAll
  static void startOperator() {
    api = MockApiServer.withMcpServerCrd();
    client = api.client();
    operator = FleetOperator.startOnMock(TestServers.config(), client);
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
    api.close();
  }

  @Test
  void createsEveryObjectOwnedByTheServerAndLabelled() {
    McpServer server = create(named(TestServers.HELLO, "create-all"));

    List<HasMetadata> children =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    java.util.Arrays.<HasMetadata>asList(
                        get(ConfigMap.class, "create-all-definition"),
                        get(ServiceAccount.class, "create-all"),
                        get(Service.class, "create-all"),
                        get(Deployment.class, "create-all"),
                        get(HorizontalPodAutoscaler.class, "create-all"),
                        get(PodDisruptionBudget.class, "create-all"),
                        get(NetworkPolicy.class, "create-all")),
                list -> list.stream().allMatch(o -> o != null));

    String uid = server.getMetadata().getUid();
    assertThat(children)
        .allSatisfy(
            child -> {
              assertThat(child.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(
                      ref -> {
                        assertThat(ref.getUid()).isEqualTo(uid);
                        assertThat(ref.getKind()).isEqualTo("McpServer");
                      });
              assertThat(child.getMetadata().getLabels())
                  .containsEntry(ManagedLabels.MANAGED_BY, "mcp-fleet")
                  .containsEntry(ManagedLabels.INSTANCE, "create-all")
                  .containsEntry(ManagedLabels.NAME, "mcp-server");
            });
    McpServer accepted = awaitCondition("create-all", ConditionType.Accepted, "True");
    assertThat(accepted.getStatus().observedGeneration()).isEqualTo(1L);
    assertThat(accepted.getStatus().url()).isEqualTo("http://create-all.tools.svc:8080/mcp");
    assertThat(accepted.getStatus().tools()).containsExactly("greet");
  }

  @Test
  void specChangeUpdatesTheDeploymentAndObservedGeneration() {
    create(named(TestServers.HELLO, "spec-change"));
    String before = await().atMost(WAIT).until(() -> configHash("spec-change"), h -> h != null);

    edit("spec-change", TestServers.HELLO.replace("Says hello.", "Greets by name."));

    await()
        .atMost(WAIT)
        .until(() -> configHash("spec-change"), h -> h != null && !h.equals(before));
    await().atMost(WAIT).until(() -> observedGeneration("spec-change"), g -> g != null && g == 2L);
    assertThat(get(ConfigMap.class, "spec-change-definition").getData().get("mcpserver.yaml"))
        .contains("Greets by name.");
  }

  @Test
  void manualDriftIsReverted() {
    create(named(TestServers.HELLO, "drift"));
    await().atMost(WAIT).until(() -> get(Deployment.class, "drift"), d -> d != null);

    ConcurrentEdits.of(client, Deployment.class, NS, "drift")
        .edit(
            d -> {
              d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:latest");
              return d;
            });

    await()
        .atMost(WAIT)
        .until(
            () ->
                get(Deployment.class, "drift")
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getImage(),
            "mcp-fleet/runtime:test"::equals);
  }

  @Test
  void autoscalingCanBeSwitchedOffAndOnAgain() {
    create(named(TestServers.HELLO, "scaling"));
    await().atMost(WAIT).until(() -> get(HorizontalPodAutoscaler.class, "scaling"), h -> h != null);
    assertThat(get(Deployment.class, "scaling").getSpec().getReplicas()).isNull();

    edit("scaling", TestServers.HELLO + "  scaling: {replicas: 2}\n");
    awaitGone(HorizontalPodAutoscaler.class, "scaling");
    await()
        .atMost(WAIT)
        .until(() -> get(Deployment.class, "scaling").getSpec().getReplicas(), r -> r == 2);

    edit("scaling", TestServers.HELLO);
    await().atMost(WAIT).until(() -> get(HorizontalPodAutoscaler.class, "scaling"), h -> h != null);
  }

  @Test
  void missingSecretIsReportedThenResolvedThenReady() {
    create(named(TestServers.WEATHER, "needs-secret"));

    McpServer rejected = awaitCondition("needs-secret", ConditionType.Accepted, "False");
    var accepted = rejected.getStatus().condition(ConditionType.Accepted);
    assertThat(accepted.getReason()).isEqualTo("SecretNotFound");
    assertThat(accepted.getMessage())
        .isEqualTo(
            "Secret 'weather-api' not found in namespace 'tools'; create it or change"
                + " spec.server.tools[0].http.headers[0].valueFrom");
    assertThat(rejected.getStatus().condition(ConditionType.Ready).getStatus()).isEqualTo("False");
    assertThat(awaitEvent("needs-secret", "SecretNotFound"))
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getNote()).isEqualTo(accepted.getMessage());
            });
    assertThat(get(Deployment.class, "needs-secret")).as("nothing half-applied").isNull();
    assertThat(get(ConfigMap.class, "needs-secret-definition")).isNull();

    client.resource(TestServers.secret("weather-api", Map.of("token", "t0k3n"))).create();

    awaitCondition("needs-secret", ConditionType.Accepted, "True");
    Deployment deployment =
        await().atMost(WAIT).until(() -> get(Deployment.class, "needs-secret"), d -> d != null);
    DeploymentController.markReady(client, deployment, 3);

    McpServer ready = awaitCondition("needs-secret", ConditionType.Ready, "True");
    assertThat(ready.getStatus().readyReplicas()).isEqualTo(3);
    awaitEvent("needs-secret", "RolloutCompleted");
    assertThat(events("needs-secret"))
        .extracting(Event::getReason)
        .containsSubsequence("SecretNotFound", "SpecAccepted", "RolloutStarted", "RolloutCompleted")
        .doesNotHaveDuplicates();
    assertThat(events("needs-secret"))
        .extracting(Event::getNote)
        .noneMatch(note -> note.contains("t0k3n"));
  }

  @Test
  void secretDataChangeRollsTheDeployment() {
    client.resource(TestServers.secret("roll-api", Map.of("token", "one"))).create();
    create(named(TestServers.WEATHER.replace("weather-api", "roll-api"), "rolls-on-secret"));
    String before = await().atMost(WAIT).until(() -> configHash("rolls-on-secret"), h -> h != null);

    client.resource(TestServers.secret("roll-api", Map.of("token", "two"))).update();

    await()
        .atMost(WAIT)
        .until(() -> configHash("rolls-on-secret"), h -> h != null && !h.equals(before));
    assertThat(get(ConfigMap.class, "rolls-on-secret-definition").getData().toString())
        .doesNotContain("two")
        .doesNotContain("one");
  }

  @Test
  void deletedServerLeavesOnlyOwnedChildrenForGarbageCollection() {
    McpServer server = create(named(TestServers.HELLO, "deleted"));
    await().atMost(WAIT).until(() -> get(Deployment.class, "deleted"), d -> d != null);

    client.resources(McpServer.class).inNamespace(NS).withName("deleted").delete();

    awaitGone(McpServer.class, "deleted");
    // The mock has no garbage collector: what matters is that Kubernetes' would find the owner.
    assertThat(get(Deployment.class, "deleted").getMetadata().getOwnerReferences())
        .extracting(r -> r.getUid())
        .containsExactly(server.getMetadata().getUid());
  }

  @Test
  void steadyStateMakesNoWrites() throws Exception {
    create(named(TestServers.HELLO, "steady"));
    Deployment deployment =
        await().atMost(WAIT).until(() -> get(Deployment.class, "steady"), d -> d != null);
    DeploymentController.markReady(client, deployment, 3);
    awaitCondition("steady", ConditionType.Ready, "True");

    // Let every event of the changes above play out, then watch for writes of any kind.
    api.awaitNoWritesFor(Duration.ofSeconds(2), WAIT);

    assertThat(api.writesDuring(Duration.ofSeconds(3))).isEmpty();
  }

  // --- helpers

  static McpServer named(String manifest, String name) {
    McpServer server = TestServers.parse(manifest);
    server.getMetadata().setName(name);
    server.getMetadata().setGeneration(null);
    return server;
  }

  static McpServer create(McpServer server) {
    return client.resource(server).create();
  }

  /** Replaces the spec as a user would, while the operator writes the status concurrently. */
  static void edit(String name, String manifest) {
    McpServer changed = TestServers.parse(manifest);
    ConcurrentEdits.of(client, McpServer.class, NS, name)
        .edit(
            s -> {
              s.setSpec(changed.getSpec());
              return s;
            });
  }

  static <T extends HasMetadata> T get(Class<T> type, String name) {
    return client.resources(type).inNamespace(NS).withName(name).get();
  }

  /** The Events regarding the McpServer, oldest first. */
  static List<Event> events(String name) {
    return client.events().v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> name.equals(e.getRegarding().getName()))
        .sorted(Comparator.comparing(e -> e.getEventTime().getTime()))
        .toList();
  }

  static Event awaitEvent(String name, String reason) {
    return await()
        .atMost(WAIT)
        .until(
            () -> events(name).stream().filter(e -> reason.equals(e.getReason())).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** Awaitility's predicate form never matches null, hence a boolean condition here. */
  static void awaitGone(Class<? extends HasMetadata> type, String name) {
    await().atMost(WAIT).until(() -> get(type, name) == null);
  }

  static String configHash(String name) {
    Deployment d = get(Deployment.class, name);
    return d == null
        ? null
        : d.getSpec().getTemplate().getMetadata().getAnnotations().get(ConfigHash.ANNOTATION);
  }

  static Long observedGeneration(String name) {
    McpServer s = get(McpServer.class, name);
    return s == null || s.getStatus() == null ? null : s.getStatus().observedGeneration();
  }

  static McpServer awaitCondition(String name, ConditionType type, String status) {
    return await()
        .atMost(WAIT)
        .until(() -> get(McpServer.class, name), s -> TestServers.hasCondition(s, type, status));
  }
}
