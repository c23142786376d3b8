package dev.mcpfleet.runtime.protocol;

import static dev.mcpfleet.runtime.TestServer.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.conformance.Fixture;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.pipeline.RequestObserver;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.ToolResult;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pipeline's layers in the request path: guards, access policy, tool layers, observers. */
class PipelineApplicationTest {

  private final List<String> ran = new CopyOnWriteArrayList<>();

  private final Fixture.Tool reports =
      Fixture.tool(
          "alice_reports",
          "Alice's",
          null,
          true,
          (c, ctx) -> {
            ran.add("alice_reports by " + ctx.caller().id());
            return ToolResult.text("reports");
          });
  private final Fixture.Tool payroll =
      Fixture.tool(
          "payroll",
          "Needs a scope",
          null,
          true,
          (c, ctx) -> {
            ran.add("payroll");
            return ToolResult.text("paid");
          });

  /** A guard that takes the caller from X-User and refuses requests without it (401). */
  static HttpGuard headerGuard() {
    return (head, caller) -> {
      String user = head.headers().get("X-User");
      if (user == null) {
        return new HttpGuard.Reject(
            HttpResponseStatus.UNAUTHORIZED,
            Map.of("WWW-Authenticate", "Bearer"),
            TestServer.json(
                "{'jsonrpc':'2.0','id':null,'error':{'code':-32600,'message':'log in'}}"));
      }
      return new HttpGuard.Pass(new Caller(user, Caller.Kind.TOKEN, Set.of(), Set.of()));
    };
  }

  static Pipeline callerFromHeader() {
    return new Pipeline(List.of(headerGuard()), AccessPolicy.ALLOW_ALL, List.of(), List.of());
  }

  /** Tools named after a caller are theirs; payroll needs the scope payroll:read. */
  private static final AccessPolicy POLICY =
      (caller, kind, name) -> {
        if (name.equals("payroll")) {
          return new AccessPolicy.Verdict(false, "payroll:read", "payroll-scope");
        }
        return name.startsWith(caller.id())
            ? AccessPolicy.Verdict.ALLOWED
            : AccessPolicy.Verdict.DENIED;
      };

  private TestServer serve(Pipeline pipeline) {
    return TestServer.start(TestServer.tools(reports, payroll), c -> {}, d -> pipeline);
  }

  private static HttpResponse<String> as(
      TestServer server, String user, String method, String params) {
    return server.post(
        TestServer.request(1, method, TestServer.statelessParams(params, "{}")),
        "MCP-Protocol-Version",
        TestServer.V2026,
        "Mcp-Method",
        method,
        "Mcp-Name",
        TestServer.json(params).path("name").asText(""),
        "X-User",
        user);
  }

  @Test
  void guardRejectionIsTheHttpResponseAndNothingRuns() {
    try (TestServer server = serve(callerFromHeader())) {
      HttpResponse<String> response = server.stateless("tools/call", "{'name':'alice_reports'}");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(message(response).at("/error/message").asText()).isEqualTo("log in");
      assertThat(ran).isEmpty();
    }
  }

  @Test
  void guardsRunInOrderEachSeeingTheCallerOfThePrevious() {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpGuard audit =
        (head, caller) -> {
          seen.add(caller.id());
          return new HttpGuard.Pass(caller);
        };
    try (TestServer server =
        serve(
            new Pipeline(
                List.of(headerGuard(), audit), AccessPolicy.ALLOW_ALL, List.of(), List.of()))) {
      as(server, "alice", "tools/call", "{'name':'alice_reports'}");

      assertThat(seen).containsExactly("alice");
      assertThat(ran).containsExactly("alice_reports by alice");
    }
  }

  @Test
  void listsShowOnlyWhatTheCallerMayUse() {
    try (TestServer server =
        serve(new Pipeline(List.of(headerGuard()), POLICY, List.of(), List.of()))) {
      JsonNode alice = message(as(server, "alice", "tools/list", "{}")).path("result");
      JsonNode bob = message(as(server, "bob", "tools/list", "{}")).path("result");

      assertThat(alice.path("tools")).hasSize(1);
      assertThat(alice.at("/tools/0/name").asText()).isEqualTo("alice_reports");
      assertThat(alice.path("cacheScope").asText()).as("per-caller lists").isEqualTo("private");
      assertThat(bob.path("tools")).isEmpty();
    }
  }

  @Test
  void refusedCallIsAccessDeniedBeforeTheToolRuns() {
    try (TestServer server =
        serve(new Pipeline(List.of(headerGuard()), POLICY, List.of(), List.of()))) {
      HttpResponse<String> response = as(server, "bob", "tools/call", "{'name':'alice_reports'}");

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode error = message(response).path("error");
      assertThat(error.path("code").asInt()).isEqualTo(-32600);
      assertThat(error.at("/data/code").asText()).isEqualTo("ACCESS_DENIED");
      assertThat(error.path("message").asText()).contains("bob").contains("alice_reports");
      assertThat(ran).isEmpty();
    }
  }

  @Test
  void missingScopeIs403WithAnInsufficientScopeChallenge() {
    try (TestServer server =
        TestServer.start(
            TestServer.tools(reports, payroll),
            c -> c.resourceMetadataUrl("https://mcp.example/.well-known/oauth-protected-resource"),
            d -> new Pipeline(List.of(headerGuard()), POLICY, List.of(), List.of()))) {
      HttpResponse<String> response = as(server, "alice", "tools/call", "{'name':'payroll'}");

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValue(
              "Bearer error=\"insufficient_scope\", scope=\"payroll:read\", resource_metadata=\""
                  + "https://mcp.example/.well-known/oauth-protected-resource\"");
      assertThat(message(response).at("/error/data/requiredScope").asText())
          .isEqualTo("payroll:read");
      assertThat(ran).isEmpty();
    }
  }

  @Test
  void toolLayersWrapEveryCallOutermostFirst() {
    ToolLayer outer = layer("outer");
    ToolLayer inner = layer("inner");
    try (TestServer server =
        serve(new Pipeline(List.of(), AccessPolicy.ALLOW_ALL, List.of(outer, inner), List.of()))) {
      server.stateless("tools/call", "{'name':'payroll'}");

      assertThat(ran).containsExactly("outer in", "inner in", "payroll", "inner out", "outer out");
    }
  }

  @Test
  void inlineToolsLeaveTheEventLoopWhenALayerMayBlockAroundThem() {
    Map<String, Boolean> onEventLoop = new java.util.concurrent.ConcurrentHashMap<>();
    ToolLayer mayBlockForPayroll =
        new ToolLayer() {
          @Override
          public boolean mayBlock(dev.mcpfleet.runtime.spi.McpTool tool) {
            return tool.descriptor().name().equals("payroll");
          }

          @Override
          public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
            onEventLoop.put(
                invocation.call().name(),
                Thread.currentThread() instanceof io.netty.util.concurrent.FastThreadLocalThread);
            return next.proceed(invocation);
          }
        };
    try (TestServer server =
        serve(
            new Pipeline(
                List.of(), AccessPolicy.ALLOW_ALL, List.of(mayBlockForPayroll), List.of()))) {
      server.stateless("tools/call", "{'name':'payroll'}");
      server.stateless("tools/call", "{'name':'alice_reports'}");

      // Both tools are inline: only the one a layer may block around left the event loop.
      assertThat(onEventLoop).containsEntry("payroll", false).containsEntry("alice_reports", true);
    }
  }

  private ToolLayer layer(String name) {
    return (invocation, next) -> {
      ran.add(name + " in");
      ToolResult result = next.proceed(invocation);
      ran.add(name + " out");
      return result;
    };
  }

  @Test
  void observersSeeEveryAnsweredRequestAndConnection() {
    List<String> answered = new CopyOnWriteArrayList<>();
    AtomicInteger connections = new AtomicInteger();
    RequestObserver observer =
        new RequestObserver() {
          @Override
          public void answered(String method, String outcome, long nanos) {
            answered.add(method + " " + outcome);
          }

          @Override
          public void connections(int delta) {
            connections.addAndGet(delta);
          }
        };
    Fixture.Tool failing =
        Fixture.tool("failing", "Fails", null, true, (c, ctx) -> ToolResult.error("no"));
    try (TestServer server =
        TestServer.start(
            TestServer.tools(failing),
            c -> {},
            d -> new Pipeline(List.of(), AccessPolicy.ALLOW_ALL, List.of(), List.of(observer)))) {
      server.stateless("tools/list", "{}");
      server.stateless("tools/call", "{'name':'failing'}");
      server.stateless("tools/nothing", "{}");

      server.post("{}", "Content-Type", "text/plain");

      await().atMost(5, TimeUnit.SECONDS).until(() -> answered.size() == 4);
      assertThat(answered)
          .containsExactly(
              "tools/list success", "tools/call tool_error", "tools/nothing error", "POST error");
      assertThat(connections.get()).isPositive();
    }
  }

  @Test
  void pipelineIsRebuiltFromEveryNewDefinition() {
    AtomicInteger builds = new AtomicInteger();
    try (TestServer server =
        TestServer.start(
            TestServer.tools(reports),
            c -> {},
            d -> {
              builds.incrementAndGet();
              return d.tools().size() > 1 ? callerFromHeader() : Pipeline.bare();
            })) {
      int before = server.stateless("tools/list", "{}").statusCode();

      server.definitions().replace(TestServer.tools(reports, payroll));
      int after = server.stateless("tools/list", "{}").statusCode();

      assertThat(builds.get()).isEqualTo(2);
      assertThat(before).isEqualTo(200);
      assertThat(after).as("the new pipeline's guard refuses anonymous calls").isEqualTo(401);
    }
  }
}
