package dev.mcpfleet.bench.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RequestShapeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ToolCall ECHO = ToolCall.echo();

  @Test
  void modernRequestCarriesMetaAndMethodHeaders() throws Exception {
    JsonNode body = JSON.readTree(RequestShape.MODERN.body(ECHO, "42"));

    assertThat(body.path("id").asLong()).isEqualTo(42);
    assertThat(body.path("method").asText()).isEqualTo("tools/call");
    assertThat(body.at("/params/name").asText()).isEqualTo("echo");
    assertThat(body.at("/params/arguments/message").asText()).isEqualTo("mcp-fleet-bench hello");
    assertThat(body.at("/params/_meta/io.modelcontextprotocol~1protocolVersion").asText())
        .isEqualTo("2026-07-28");
    assertThat(RequestShape.MODERN.headers(ECHO))
        .containsEntry("MCP-Protocol-Version", "2026-07-28")
        .containsEntry("Mcp-Method", "tools/call")
        .containsEntry("Mcp-Name", "echo");
  }

  @Test
  void legacyRequestIsABareJsonRpcRequest() throws Exception {
    JsonNode body = JSON.readTree(RequestShape.LEGACY.body(ECHO, "1"));

    assertThat(body.at("/params/_meta").isMissingNode()).isTrue();
    assertThat(RequestShape.LEGACY.headers(ECHO))
        .containsEntry("MCP-Protocol-Version", "2025-11-25")
        .doesNotContainKey("Mcp-Method");
  }

  @Test
  void requestTemplateHasHeaderLinesThenTheBodyWithAnIdPlaceholder() {
    String template = RequestShape.MODERN.requestTemplate(ECHO);

    String[] parts = template.split("\n\n", 2);
    assertThat(parts[0].lines()).contains("Mcp-Name: echo", "Content-Type: application/json");
    assertThat(parts[1]).startsWith("{\"jsonrpc\":\"2.0\",\"id\":{{id}},");
  }

  @Test
  void expectedTextMustBePlainSoThatTheScriptFindsItInTheBytes() {
    assertThatThrownBy(() -> new ToolCall("echo", "{}", "say \"hi\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be plain");
  }
}
