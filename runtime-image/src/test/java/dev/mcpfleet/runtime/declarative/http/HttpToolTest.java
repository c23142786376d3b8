package dev.mcpfleet.runtime.declarative.http;

import static dev.mcpfleet.runtime.declarative.Items.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.runtime.declarative.Items;
import dev.mcpfleet.runtime.declarative.ManifestItems;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpToolTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static StubUpstream upstream;

  @BeforeAll
  static void startUpstream() throws Exception {
    upstream = new StubUpstream();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  private static McpTool tool(String toolYaml, Map<String, String> env) {
    ManifestItems items =
        Items.of("name: s\ntools:\n  - name: t\n    description: d\n" + toolYaml.indent(4), env);
    assertThat(items.problems()).isEmpty();
    return items.tools().get(0);
  }

  private static McpTool tool(String toolYaml) {
    return tool(toolYaml, Map.of());
  }

  private static String text(ToolResult result) {
    return ((Content.Text) result.content().get(0)).text();
  }

  @Test
  void buildsTheRequestFromArgumentsHeadersAndEnvironment() throws Exception {
    McpTool tool =
        tool(
            """
            inputSchema: {type: object, properties: {city: {type: string}, days: {type: integer}}}
            http:
              method: POST
              url: "%s?city={{city}}"
              headers:
                - {name: X-Days, value: "{{days}} days"}
                - {name: Authorization, prefix: "Bearer ", valueFrom: {secretKeyRef: {name: weather-api, key: token}}}
              body: '{"city": "{{city}}", "days": {{days}}}'
            """
                .formatted(upstream.url("/weather")),
            Map.of("MCP_SECRET_WEATHER_API_TOKEN", "s3cret"));

    ToolResult result = call(tool, "{\"city\":\"São Paulo & co\",\"days\":3}");

    assertThat(result.isError()).isFalse();
    var seen = upstream.last;
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.uri()).isEqualTo("/weather?city=S%C3%A3o%20Paulo%20%26%20co");
    assertThat(seen.headers().getFirst("X-Days")).isEqualTo("3 days");
    assertThat(seen.headers().getFirst("Authorization")).isEqualTo("Bearer s3cret");
    assertThat(seen.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(JSON.readTree(seen.body()))
        .isEqualTo(JSON.readTree("{\"city\":\"São Paulo & co\",\"days\":3}"));
  }

  @Test
  void jsonAnswersBecomeStructuredContentSelectedByPointerAndCheckedAgainstTheSchema()
      throws Exception {
    McpTool tool =
        tool(
            """
            outputSchema: {type: object, properties: {temp: {type: number}}, required: [temp]}
            http: {url: "%s", response: {pointer: /now}}
            """
                .formatted(upstream.url("/weather")));

    ToolResult result = call(tool, "{}");

    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent())
        .isEqualTo(JSON.readTree("{\"temp\":21.5,\"sky\":\"clear\"}"));
    assertThat(text(result)).isEqualTo("{\"temp\":21.5,\"sky\":\"clear\"}");
  }

  @Test
  void anAnswerThatBreaksTheOutputSchemaIsAToolError() throws Exception {
    McpTool tool =
        tool(
            """
            outputSchema: {type: object, required: [humidity]}
            http: {url: "%s"}
            """
                .formatted(upstream.url("/weather")));

    ToolResult result = call(tool, "{}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("does not conform").contains("humidity");
  }

  @Test
  void aTemplateWritesTheTextFromTheBodyAndTheArguments() throws Exception {
    McpTool tool =
        tool(
            """
            inputSchema: {type: object, properties: {city: {type: string}}}
            http: {url: "%s", response: {format: text, template: "{{city}}: {{body.now.temp}} {{body.unit}}"}}
            """
                .formatted(upstream.url("/weather")));

    assertThat(text(call(tool, "{\"city\":\"Oslo\"}"))).isEqualTo("Oslo: 21.5 C");
  }

  @Test
  void textAnswersAreReturnedAsText() throws Exception {
    ToolResult result = call(tool("http: {url: \"%s\"}".formatted(upstream.url("/text"))), "{}");

    assertThat(result.isError()).isFalse();
    assertThat(text(result)).isEqualTo("plain words");
  }

  @Test
  void clientErrorsUpstreamAreToolErrorsThatSayWhatHappened() throws Exception {
    ToolResult result =
        call(tool("http: {url: \"%s?key=x\"}".formatted(upstream.url("/missing"))), "{}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result))
        .isEqualTo(
            "The upstream refused the request: GET "
                + upstream.url("/missing")
                + " answered HTTP 404. Body: {\"error\":\"no such city\"}");
  }

  @Test
  void serverErrorsUpstreamAreToolErrors() throws Exception {
    ToolResult result = call(tool("http: {url: \"%s\"}".formatted(upstream.url("/broken"))), "{}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result))
        .startsWith("The upstream failed: GET")
        .contains("HTTP 503")
        .contains("maintenance");
  }

  @Test
  void aSlowUpstreamTimesOutAsAToolError() throws Exception {
    ToolResult result =
        call(tool("http: {url: \"%s\", timeout: 200ms}".formatted(upstream.url("/slow"))), "{}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("did not answer within 200 ms");
  }

  @Test
  void aRefusedConnectionIsAToolError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    ToolResult result =
        call(tool("http: {url: \"http://127.0.0.1:%d/x\"}".formatted(closedPort)), "{}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("refused the connection").contains("127.0.0.1:" + closedPort);
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    ToolResult result = call(tool("http: {url: \"%s\"}".formatted(upstream.url("/moved"))), "{}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("HTTP 302").contains("https://elsewhere.example.com/");
  }

  @Test
  void aHostOutsideTheEgressAllowListIsNeverCalled() throws Exception {
    // Built without SpecValidator (which rejects this manifest): the runtime refuses on its own.
    McpServerSpec spec =
        ManifestReader.parse(
                "t.yaml",
                """
                apiVersion: mcpfleet.dev/v1alpha1
                kind: McpServer
                metadata: {name: t}
                spec:
                  server:
                    name: s
                    tools: [{name: t, description: d, http: {url: "%s"}}]
                  network: {egress: {allowedHosts: [api.example.com]}}
                """
                    .formatted(upstream.url("/text")))
            .getSpec();
    McpTool tool = ManifestItems.of(spec, HttpToolSettings.defaults()).tools().get(0);
    upstream.last = null;

    ToolResult result = call(tool, "{}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("127.0.0.1 is not in network.egress.allowedHosts");
    assertThat(upstream.last).isNull();
  }

  @Test
  void outgoingHeaderHooksAddHeadersToEveryRequest() throws Exception {
    ManifestItems items =
        ManifestItems.of(
            Items.spec(
                "server: {name: s, tools: [{name: t, description: d, http: {url: \"%s\"}}]}"
                    .formatted(upstream.url("/text"))),
            HttpToolSettings.defaults()
                .withHook((headers, context) -> headers.add("traceparent", "00-abc-def-01")));

    call(items.tools().get(0), "{}");

    assertThat(upstream.last.headers().getFirst("traceparent")).isEqualTo("00-abc-def-01");
  }

  @Test
  void anUnsetSecretVariableNamesTheVariableTheSecretAndTheReference() {
    ManifestItems items =
        Items.of(
            """
            name: s
            tools:
              - name: t
                description: d
                http:
                  url: https://api.example.com/
                  headers: [{name: Authorization, valueFrom: {secretKeyRef: {name: weather-api, key: token}}}]
            """,
            Map.of());

    assertThat(items.problems())
        .extracting(Object::toString)
        .isEqualTo(
            List.of(
                "set MCP_SECRET_WEATHER_API_TOKEN (key 'token' of Secret 'weather-api',"
                    + " referenced by spec.server.tools[0].http.headers[0])"));
  }
}
