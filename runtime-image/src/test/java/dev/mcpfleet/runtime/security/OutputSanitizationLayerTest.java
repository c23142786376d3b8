package dev.mcpfleet.runtime.security;

import static dev.mcpfleet.runtime.layers.LayerFixtures.call;
import static dev.mcpfleet.runtime.layers.LayerFixtures.json;
import static dev.mcpfleet.runtime.layers.LayerFixtures.text;
import static dev.mcpfleet.runtime.layers.LayerFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.runtime.declarative.Items;
import dev.mcpfleet.runtime.layers.LayerFixtures;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputSanitizationLayerTest {

  private static final String SECRET = "s3cr3t-weather-token-42";
  private final Redactor redactor =
      new Redactor(() -> Set.of(SECRET, "abc"), Redactor.compile(List.of("INTERNAL-\\d{4}")));
  private final OutputSanitizationLayer layer = new OutputSanitizationLayer(redactor, 4096);

  private ToolResult answer(ToolResult upstream) throws Exception {
    return call(layer, tool("t", (c, ctx) -> upstream), Caller.ANONYMOUS);
  }

  @Test
  void theValueOfAReferencedSecretIsMasked() throws Exception {
    ToolResult result = answer(ToolResult.text("upstream said: token=" + SECRET + " ok"));

    assertThat(text(result)).doesNotContain(SECRET).contains(Redactor.MASK);
  }

  private static final String ECHO =
      """
      name: s
      tools:
        - name: echo
          description: d
          inputSchema: {type: object, properties: {message: {type: string}}}
          text: {content: [{type: text, text: "{{message}}"}]}
      """;

  private static final String WEATHER_API =
      """
      name: s
      tools:
        - name: weather
          description: d
          inputSchema: {type: object, properties: {city: {type: string}}}
          http: {url: "http://127.0.0.1:9/weather?city={{city}}"}
      """;

  private static McpTool manifestTool(String manifest) {
    return Items.of(manifest).tools().get(0);
  }

  @Test
  void aTextToolsAnswerIsNotRedactedSinceItHoldsOnlyTheManifestAndTheCallersArguments()
      throws Exception {
    McpTool echo = manifestTool(ECHO);
    String sent = "my password=hunter22 and " + SECRET;

    ToolResult result =
        call(
            List.of(layer),
            echo,
            LayerFixtures.args("{\"message\":\"" + sent + "\"}"),
            LayerFixtures.context(Caller.ANONYMOUS));

    assertThat(echo.selfContained()).isTrue();
    assertThat(text(result).strip()).isEqualTo(sent);
  }

  @Test
  void anHttpOrSpiToolsAnswerIsRedactedEvenWhenItEchoesTheArguments() throws Exception {
    String sent = "my password=hunter22 and " + SECRET;
    McpTool upstream = tool("weather", (c, ctx) -> ToolResult.text(sent));

    ToolResult result =
        call(
            List.of(layer),
            upstream,
            LayerFixtures.args("{}"),
            LayerFixtures.context(Caller.ANONYMOUS));

    assertThat(upstream.selfContained()).isFalse();
    assertThat(manifestTool(WEATHER_API).selfContained())
        .as("an HTTP tool's answer comes from outside the server")
        .isFalse();
    assertThat(text(result).strip()).isEqualTo("my password=[REDACTED] and [REDACTED]");
  }

  @Test
  void aTextToolsAnswerIsStillCappedToTheSizeLimit() throws Exception {
    McpTool echo = manifestTool(ECHO);

    ToolResult result =
        call(
            List.of(new OutputSanitizationLayer(redactor, 100)),
            echo,
            LayerFixtures.args("{\"message\":\"" + "x".repeat(500) + "\"}"),
            LayerFixtures.context(Caller.ANONYMOUS));

    assertThat(text(result)).contains("[truncated: the result was 500 bytes");
  }

  @Test
  void credentialShapesAreMaskedWhateverTheirCaseAndPlace() {
    // The redactor skips a pattern's regex when none of its hints is in the text: the hints must
    // never hide a match, in any letter case.
    Redactor credentials = new Redactor(Set::of, Redactor.CREDENTIAL_PATTERNS);
    List<String> secrets =
        List.of(
            "BASIC dXNlcjpwYXNzd29yZDEyMzQ=",
            "xoxb-1234567890-abcdef",
            "sk_live_abcdefghijklmnopqrstuvwx",
            "AIzaSyA1234567890abcdefghijklmnopqrstuv",
            "ASIAABCDEFGHIJKLMNOP",
            "github_pat_abcdefghijklmnopqrstuvwxyz0123",
            "CLIENT-SECRET: s3cr3tvalue",
            "Access_Token=zzz999",
            "HTTPS://admin:hunter2@example.com/");

    for (String secret : secrets) {
      assertThat(credentials.redact("before " + secret + " after"))
          .as(secret)
          .contains(Redactor.MASK)
          .startsWith("before ");
    }
    String harmless = "Entry 07 for Lyon (short): 21 degrees, sunny";
    assertThat(credentials.redact(harmless)).isSameAs(harmless);
  }

  @Test
  void shortSecretsAreLeftAloneSoWordsSurvive() throws Exception {
    assertThat(text(answer(ToolResult.text("abc def")))).contains("abc def");
  }

  @Test
  void credentialShapesAreMasked() throws Exception {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MX0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    String text =
        String.join(
            "\n",
            "jwt " + jwt,
            "Authorization: Bearer abcdefghijklmnop123",
            "aws AKIAIOSFODNN7EXAMPLE",
            "gh ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "{\"password\": \"hunter22\"}",
            "api_key=zzzyyyxxx",
            "redis://:p4ssw0rd@cache:6379",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----",
            "ticket INTERNAL-1234");

    String masked = text(answer(ToolResult.text(text)));

    assertThat(masked)
        .doesNotContain(jwt)
        .doesNotContain("abcdefghijklmnop123")
        .doesNotContain("AKIAIOSFODNN7EXAMPLE")
        .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789")
        .doesNotContain("hunter22")
        .doesNotContain("zzzyyyxxx")
        .doesNotContain("p4ssw0rd")
        .doesNotContain("MIIBOgIBAAJBAKj34")
        .doesNotContain("INTERNAL-1234")
        .contains("\"password\": \"[REDACTED]\"")
        .contains("api_key=[REDACTED]")
        .contains("Bearer [REDACTED]");
  }

  @Test
  void structuredContentAndEmbeddedResourcesAreMaskedToo() throws Exception {
    ToolResult upstream =
        new ToolResult(
            List.of(
                new Content.EmbeddedResource(
                    ResourceContents.text("file:///a", "text/plain", "key " + SECRET), null)),
            json("{\"nested\":{\"list\":[\"" + SECRET + "\"]},\"n\":1}"),
            false);

    ToolResult result = answer(upstream);

    assertThat(result.structuredContent().toString()).doesNotContain(SECRET).contains("\"n\":1");
    assertThat(((Content.EmbeddedResource) result.content().get(0)).resource().text())
        .doesNotContain(SECRET);
  }

  @Test
  void aCleanResultIsPassedOnUnchanged() throws Exception {
    ToolResult clean = ToolResult.text("nothing to hide");

    assertThat(answer(clean)).isSameAs(clean);
  }

  @Test
  void anOversizedResultIsTruncatedWithANote() throws Exception {
    ToolResult result = answer(ToolResult.text("é".repeat(10_000)));

    String text = text(result);
    assertThat(text)
        .contains("[truncated: the result was 20000 bytes, over this server's limit of 4096 bytes");
    assertThat(
            ((Content.Text) result.content().get(0))
                .text()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length)
        .isLessThanOrEqualTo(4096);
    assertThat(((Content.Text) result.content().get(0)).text()).matches("é+");
  }

  @Test
  void blocksPastTheCapAreLeftOutAndSaidSo() throws Exception {
    ToolResult result =
        answer(
            new ToolResult(
                List.of(
                    new Content.Text("a".repeat(3000), null),
                    new Content.Image("x".repeat(3000), "image/png", null)),
                null,
                false));

    assertThat(result.content()).hasSize(2).first().isInstanceOf(Content.Text.class);
    assertThat(text(result)).contains("1 content blocks were left out");
  }

  @Test
  void badExtraPatternsAreNamed() {
    assertThatThrownBy(() -> Redactor.compile(List.of("ok", "(unclosed")))
        .hasMessageContaining("security.output.redactPatterns[1]");
  }
}
