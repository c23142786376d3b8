package dev.mcpfleet.e2e.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.e2e.support.McpClients;
import dev.mcpfleet.e2e.support.RuntimeProcess;
import dev.mcpfleet.e2e.support.SampleRewrite;
import dev.mcpfleet.e2e.support.Samples;
import dev.mcpfleet.e2e.support.StubApi;
import dev.mcpfleet.e2e.support.TestIssuer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample on the fleet: applied to the mock API server where the operator runs, reconciled
 * into exactly the objects its dependents render, then served by the runtime as its pod would run
 * it, with the upstream APIs replaced by local stubs, and used the way the sample's header says.
 */
class SamplesOnTheFleetTest {

  static SampleFleet fleet;

  @TempDir Path podDir;

  @BeforeAll
  static void startFleet() {
    fleet = new SampleFleet();
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  static String text(McpSchema.CallToolResult result) {
    return result.content().stream()
        .filter(McpSchema.TextContent.class::isInstance)
        .map(c -> ((McpSchema.TextContent) c).text())
        .reduce("", String::concat);
  }

  static List<String> toolNames(McpSyncClient client) {
    return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
  }

  @Test
  void helloServesItsToolsWithTheGuidesDefaults() throws Exception {
    McpServer hello = Samples.read("hello.yaml");
    fleet.deploy(hello, List.of());
    fleet.assertReconciledAsRendered(hello, List.of());

    try (RuntimeProcess pod = fleet.serve(hello, podDir);
        McpSyncClient client = McpClients.connect(pod.mcpUrl(), null)) {
      assertThat(toolNames(client)).contains("greet", "greeting_card");
      assertThat(text(call(client, "greet", Map.of("name", "Grace")))).contains("Grace");
    }
  }

  @Test
  void githubIssuesCallsTheApiWithTheTokenFromTheSecretAndNeverShowsIt() throws Exception {
    try (StubApi github = new StubApi()) {
      github
          .json(
              "GET",
              "/search/issues",
              200,
              "{\"total_count\":1,\"items\":[{\"number\":42,\"title\":\"Crash on start\"}]}")
          .json(
              "POST",
              "/repos/octo/app/issues",
              201,
              "{\"number\":43,\"html_url\":\"https://github.com/octo/app/issues/43\"}");
      McpServer server = SampleRewrite.toStub(Samples.named("github-issues.yaml"), github);
      List<Secret> secrets =
          List.of(
              SampleFleet.secret(
                  SampleFleet.NAMESPACE, "github-token", Map.of("token", "ghp_s3cr3t")));
      fleet.deploy(server, secrets);
      fleet.assertReconciledAsRendered(server, secrets);

      try (RuntimeProcess pod = fleet.serve(server, podDir);
          McpSyncClient client = McpClients.connect(pod.mcpUrl(), null)) {
        String found =
            text(call(client, "search_issues", Map.of("query", "repo:octo/app is:open crash")));
        String opened =
            text(
                call(
                    client,
                    "create_issue",
                    Map.of(
                        "owner",
                        "octo",
                        "repo",
                        "app",
                        "title",
                        "Flaky \"test\"",
                        "body",
                        "Seen twice")));

        assertThat(found).contains("Crash on start").doesNotContain("ghp_s3cr3t");
        assertThat(opened).isEqualTo("Opened https://github.com/octo/app/issues/43");
        StubApi.Request search = github.requests().getFirst();
        assertThat(search.header("Authorization")).isEqualTo("Bearer ghp_s3cr3t");
        assertThat(search.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(search.pathAndQuery()).startsWith("/search/issues?q=repo%3Aocto%2Fapp");
        assertThat(github.requests().getLast().body())
            .contains("\"title\": \"Flaky \\\"test\\\"\"");
      }
    }
  }

  @Test
  void peopleDirectoryLetsEmployeesReadAndOnlyHrWrite() throws Exception {
    try (StubApi idp = new StubApi()) {
      idp.json(
              "GET",
              "/api/v1/people",
              200,
              "{\"people\":[{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}]}")
          .json("PATCH", "/api/v1/people/*", 200, "{}");
      McpServer server = SampleRewrite.toStub(Samples.named("jwt-protected.yaml"), idp);
      var jwt = server.getSpec().security().auth().jwt();
      TestIssuer issuer = new TestIssuer(jwt.issuer(), idp, path(jwt.jwksUri()));
      String audience = jwt.audiences().getFirst();
      fleet.deploy(server, List.of());
      fleet.assertReconciledAsRendered(server, List.of());

      try (RuntimeProcess pod = fleet.serve(server, podDir);
          McpSyncClient employee =
              McpClients.connect(
                  pod.mcpUrl(), issuer.token("bob", audience, List.of("employees")));
          McpSyncClient hr =
              McpClients.connect(pod.mcpUrl(), issuer.token("carol", audience, List.of("hr")))) {
        assertThat(toolNames(employee)).containsExactlyInAnyOrder("find_person", "get_manager");
        assertThat(text(call(employee, "find_person", Map.of("query", "Ada"))))
            .contains("Ada Lovelace");
        assertThatThrownBy(
                () ->
                    call(
                        employee,
                        "update_title",
                        Map.of("email", "ada@example.com", "title", "CTO")))
            .hasMessageContaining("Access denied: caller 'bob' may not use tool 'update_title'");

        assertThat(toolNames(hr)).contains("update_title");
        assertThat(
                text(call(hr, "update_title", Map.of("email", "ada@example.com", "title", "CTO"))))
            .isEqualTo("Title of ada@example.com is now CTO.");
        assertThat(idp.requests())
            .filteredOn(r -> r.method().equals("PATCH"))
            .singleElement()
            .satisfies(r -> assertThat(r.body()).isEqualTo("{\"title\": \"CTO\"}"));
        assertThatThrownBy(() -> McpClients.connect(pod.mcpUrl(), null).close())
            .as("no token, no session");
      }
    }
  }

  @Test
  void docsSearchScalesWithinItsBoundsAndKeepsThreePodsThroughDrains() throws Exception {
    try (StubApi search = new StubApi()) {
      search.json(
          "POST",
          "/handbook/_search",
          200,
          "{\"hits\":{\"total\":1,\"hits\":[{\"_source\":{\"title\":\"On-call handbook\",\"url\":\"https://handbook.example.com/oncall\"}}]}}");
      McpServer server = SampleRewrite.toStub(Samples.named("autoscaled.yaml"), search);
      fleet.deploy(server, List.of());
      fleet.assertReconciledAsRendered(server, List.of());

      var hpa =
          fleet
              .client()
              .resources(HorizontalPodAutoscaler.class)
              .inNamespace(SampleFleet.NAMESPACE)
              .withName("docs-search")
              .get();
      var pdb =
          fleet
              .client()
              .resources(PodDisruptionBudget.class)
              .inNamespace(SampleFleet.NAMESPACE)
              .withName("docs-search")
              .get();
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(4);
      assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(30);
      assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(3);

      try (RuntimeProcess pod = fleet.serve(server, podDir);
          McpSyncClient client = McpClients.connect(pod.mcpUrl(), null)) {
        assertThat(text(call(client, "search_docs", Map.of("query", "on-call rota"))))
            .contains("On-call handbook");
        assertThat(search.requests().getFirst().body()).contains("\"content\": \"on-call rota\"");
      }
    }
  }

  @Test
  void teamAKeysNameEachAgentAndLimitWhatItMayCall() throws Exception {
    try (StubApi oncall = new StubApi()) {
      oncall.json(
          "GET", "/v1/schedules/team-a/current", 200, "{\"name\":\"Grace\",\"handle\":\"@grace\"}");
      McpServer server = SampleRewrite.toStub(Samples.named("team-a.yaml"), oncall);
      fleet
          .client()
          .namespaces()
          .resource(
              new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                  .withNewMetadata()
                  .withName("team-a")
                  .endMetadata()
                  .build())
          .create();
      List<Secret> secrets =
          List.of(
              SampleFleet.secret(
                  "team-a",
                  "team-a-agent-keys",
                  Map.of("oncall-bot", "key-bot-0123456789", "ci", "key-ci-0123456789")));
      fleet.deploy(server, secrets);
      fleet.assertReconciledAsRendered(server, secrets);

      try (RuntimeProcess pod = fleet.serve(server, podDir);
          McpSyncClient bot = McpClients.connect(pod.mcpUrl(), "key-bot-0123456789");
          McpSyncClient ci = McpClients.connect(pod.mcpUrl(), "key-ci-0123456789")) {
        assertThat(toolNames(bot))
            .containsExactlyInAnyOrder("who_is_on_call", "service_status", "runbook_index");
        assertThat(text(call(bot, "who_is_on_call", Map.of()))).contains("@grace");
        assertThat(toolNames(ci)).containsExactly("runbook_index");
        assertThatThrownBy(() -> call(ci, "who_is_on_call", Map.of()))
            .hasMessageContaining("Access denied: caller 'ci' may not use tool 'who_is_on_call'");
      }
    }
  }

  private static String path(String url) {
    return java.net.URI.create(url).getRawPath();
  }
}
