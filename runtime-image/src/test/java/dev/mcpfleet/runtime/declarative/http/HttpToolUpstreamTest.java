package dev.mcpfleet.runtime.declarative.http;

import static dev.mcpfleet.runtime.declarative.Items.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.declarative.Items;
import dev.mcpfleet.runtime.declarative.ManifestItems;
import dev.mcpfleet.runtime.http.client.ClientSettings;
import dev.mcpfleet.runtime.http.client.RawUpstream;
import dev.mcpfleet.runtime.http.client.TestCertificates;
import dev.mcpfleet.runtime.http.client.TestUpstream;
import dev.mcpfleet.runtime.http.client.UpstreamHttpClient;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP tools over real connections: pooling, TLS, answers too large or cut short, load. */
class HttpToolUpstreamTest {

  @TempDir Path dir;
  private TestUpstream upstream;
  private UpstreamHttpClient client;

  @BeforeEach
  void start() throws Exception {
    upstream = new TestUpstream();
    client = new UpstreamHttpClient(ClientSettings.defaults().maxResponseBytes(100_000));
  }

  @AfterEach
  void stop() {
    client.close();
    upstream.close();
  }

  private McpTool tool(String http, UpstreamHttpClient client) {
    ManifestItems items =
        ManifestItems.of(
            Items.spec(
                """
                server:
                  name: s
                  tools:
                    - name: t
                      description: d
                      inputSchema: {type: object, properties: {n: {type: string}}}
                      http: %s
                """
                    .formatted(http)),
            new HttpToolSettings(client, List.of(), Map.<String, String>of()::get));
    return items.tools().get(0);
  }

  private static String text(ToolResult result) {
    return ((Content.Text) result.content().get(0)).text();
  }

  @Test
  void callsOfOneToolReuseOneConnection() throws Exception {
    upstream.route("/a", TestUpstream.text(200, "sunny"));
    McpTool tool = tool("{url: \"%s\"}".formatted(upstream.url("/a")), client);

    for (int i = 0; i < 10; i++) {
      assertThat(text(call(tool, "{}"))).isEqualTo("sunny");
    }

    assertThat(upstream.accepted()).isEqualTo(1);
  }

  @Test
  void manyConcurrentCallsAllGetTheirOwnAnswer() throws Exception {
    upstream.route("/echo", TestUpstream.echoQuery());
    McpTool tool = tool("{url: \"%s?n={{n}}\"}".formatted(upstream.url("/echo")), client);
    List<Future<ToolResult>> results = new ArrayList<>();

    try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 300; i++) {
        String args = "{\"n\":\"" + i + "\"}";
        results.add(calls.submit(() -> call(tool, args)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(text(results.get(i).get())).isEqualTo("n=" + i);
      }
    }

    assertThat(upstream.accepted())
        .isLessThanOrEqualTo(ClientSettings.defaults().maxConnectionsPerHost());
  }

  @Test
  void anOversizedAnswerIsAToolErrorThatSaysHowToAskForLess() throws Exception {
    upstream.route("/huge", TestUpstream.large(5_000_000, true));

    ToolResult result = call(tool("{url: \"%s\"}".formatted(upstream.url("/huge")), client), "{}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result))
        .isEqualTo(
            "The upstream's answer is too large: GET "
                + upstream.url("/huge")
                + " answered more than 100000 bytes, the most read of an answer; ask for less"
                + " (a filter or a page size in the url).");
    assertThat(ClassifiedError.codeOf(result)).isNull();
  }

  @Test
  void anAnswerCutShortIsAToolErrorThatCountsAsAnUpstreamFailure() throws Exception {
    upstream.route("/cut", TestUpstream.cutShort(500, 20));

    ToolResult result = call(tool("{url: \"%s\"}".formatted(upstream.url("/cut")), client), "{}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result))
        .isEqualTo(
            "The upstream is unavailable: GET "
                + upstream.url("/cut")
                + " closed the connection before the answer was complete.");
    assertThat(ClassifiedError.codeOf(result)).isEqualTo(ClassifiedError.UPSTREAM_UNAVAILABLE);
  }

  @Test
  void anUpstreamSlowerThanTheToolsTimeoutIsAnUpstreamTimeout() throws Exception {
    upstream.route("/slow", TestUpstream.slow(2000, "late"));
    McpTool tool = tool("{url: \"%s\", timeout: 200ms}".formatted(upstream.url("/slow")), client);

    ToolResult result = call(tool, "{}");

    assertThat(text(result))
        .isEqualTo(
            "The upstream is unavailable: GET "
                + upstream.url("/slow")
                + " did not answer within 200 ms.");
    assertThat(ClassifiedError.codeOf(result)).isEqualTo(ClassifiedError.UPSTREAM_TIMEOUT);
  }

  @Test
  void anHttpsUpstreamWhoseCertificateTheClientTrustsAnswers() throws Exception {
    TestCertificates certificate = TestCertificates.create(dir, "ip:127.0.0.1");
    try (TestUpstream secure = new TestUpstream(certificate.serverContext());
        UpstreamHttpClient trusting =
            new UpstreamHttpClient(ClientSettings.defaults().trusting(certificate.trust()))) {
      secure.route("/a", TestUpstream.text(200, "over tls"));

      ToolResult result = call(tool("{url: \"%s\"}".formatted(secure.url("/a")), trusting), "{}");

      assertThat(text(result)).isEqualTo("over tls");
    }
  }

  @Test
  void anArgumentBeyondAsciiInAHeaderReachesTheUpstreamAsUtf8() throws Exception {
    try (RawUpstream raw = new RawUpstream()) {
      McpTool tool =
          tool(
              "{url: \"%s\", headers: [{name: X-City, value: \"{{n}}\"}]}".formatted(raw.url("/a")),
              client);

      ToolResult result = call(tool, "{\"n\":\"São Paulo\"}");

      assertThat(text(result)).isEqualTo("ok");
      assertThat(new String(raw.headerBytes("X-City"), StandardCharsets.UTF_8))
          .isEqualTo("São Paulo");
    }
  }
}
