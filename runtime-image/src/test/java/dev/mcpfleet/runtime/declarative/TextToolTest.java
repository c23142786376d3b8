package dev.mcpfleet.runtime.declarative;

import static dev.mcpfleet.runtime.declarative.Items.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextToolTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static McpTool tool(String toolYaml) {
    return Items.of("name: s\ntools:\n  - name: t\n    description: d\n" + toolYaml.indent(4))
        .tools()
        .get(0);
  }

  @Test
  void rendersEveryContentTypeFromTheArguments() throws Exception {
    McpTool tool =
        tool(
            """
            inputSchema: {type: object, properties: {name: {type: string}}}
            text:
              content:
                - {type: text, text: "Hello, {{name}}!", annotations: {audience: [user], priority: 0.5}}
                - {type: image, mimeType: image/png, data: "iVBO Rw=="}
                - {type: audio, mimeType: audio/wav, data: UklGRg==}
                - type: resource
                  resource: {uri: "greetings://{{name}}", mimeType: text/plain, text: "Hi {{name}}"}
                - {type: resource, resource: {uri: "bin://x", blob: AAE=}}
                - {type: resource_link, uri: "docs://{{name}}", name: "{{name}}'s page", description: d, mimeType: text/html}
            """);

    ToolResult result = call(tool, "{\"name\":\"Ada\"}");

    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent()).isNull();
    assertThat(result.content())
        .containsExactly(
            new Content.Text("Hello, Ada!", new Content.Annotations(List.of("user"), 0.5)),
            new Content.Image("iVBORw==", "image/png", null),
            new Content.Audio("UklGRg==", "audio/wav", null),
            new Content.EmbeddedResource(
                ResourceContents.text("greetings://Ada", "text/plain", "Hi Ada"), null),
            new Content.EmbeddedResource(ResourceContents.blob("bin://x", null, "AAE="), null),
            new Content.ResourceLink("docs://Ada", "Ada's page", "d", "text/html", null));
    assertThat(tool.inline()).isTrue();
  }

  @Test
  void structuredContentIsTemplatedAndAlsoSentAsTextWhenNoContentIsGiven() throws Exception {
    McpTool tool =
        tool(
            """
            inputSchema: {type: object, properties: {city: {type: string}, temp: {type: number}}}
            outputSchema: {type: object, properties: {city: {type: string}, temp: {type: number}}, required: [city, temp]}
            text: {structuredContent: {city: "{{city}}", temp: "{{temp}}"}}
            """);

    ToolResult result = call(tool, "{\"city\":\"Oslo\",\"temp\":-3.5}");

    assertThat(result.structuredContent())
        .isEqualTo(JSON.readTree("{\"city\":\"Oslo\",\"temp\":-3.5}"));
    assertThat(result.content())
        .containsExactly(new Content.Text("{\"city\":\"Oslo\",\"temp\":-3.5}", null));
  }

  @Test
  void structuredContentThatBreaksTheOutputSchemaIsAToolError() throws Exception {
    McpTool tool =
        tool(
            """
            inputSchema: {type: object, properties: {temp: {}}}
            outputSchema: {type: object, properties: {temp: {type: number}}, required: [temp]}
            text: {structuredContent: {temp: "{{temp}}"}}
            """);

    ToolResult result = call(tool, "{\"temp\":\"warm\"}");

    assertThat(result.isError()).isTrue();
    assertThat(((Content.Text) result.content().get(0)).text())
        .contains("does not conform to its outputSchema")
        .contains("/temp");
  }

  @Test
  void schemaDefaultsFillArgumentsTheCallLeavesOut() throws Exception {
    McpTool tool =
        tool(
            """
            inputSchema: {type: object, properties: {units: {type: string, default: metric}}}
            text: {content: [{type: text, text: "units={{units}}"}]}
            """);

    assertThat(call(tool, "{}").content()).containsExactly(new Content.Text("units=metric", null));
    assertThat(call(tool, "{\"units\":\"imperial\"}").content())
        .containsExactly(new Content.Text("units=imperial", null));
  }

  @Test
  void isErrorIsReported() throws Exception {
    ToolResult result =
        call(tool("text: {isError: true, content: [{type: text, text: no}]}"), "{}");

    assertThat(result.isError()).isTrue();
  }

  @Test
  void base64FromAnArgumentIsCheckedWhenRendered() throws Exception {
    McpTool tool =
        tool(
            """
            inputSchema: {type: object, properties: {png: {type: string}}}
            text: {content: [{type: image, mimeType: image/png, data: "{{png}}"}]}
            """);

    assertThat(call(tool, "{\"png\":\"iVBORw==\"}").isError()).isFalse();
    assertThat(call(tool, "{\"png\":\"not base64!\"}").isError()).isTrue();
  }

  @Test
  void theDescriptorCarriesTitleAnnotationsIconsAndADefaultSchema() {
    McpTool tool =
        tool(
            """
            title: The Tool
            icons: [{src: "https://example.com/i.png", mimeType: image/png, sizes: [48x48], theme: dark}]
            annotations: {title: T, readOnlyHint: true, idempotentHint: true}
            text: {content: [{type: text, text: x}]}
            """);

    var d = tool.descriptor();
    assertThat(d.title()).isEqualTo("The Tool");
    assertThat(d.inputSchema().toString())
        .isEqualTo("{\"type\":\"object\",\"additionalProperties\":false}");
    assertThat(d.annotations().toString())
        .isEqualTo("{\"title\":\"T\",\"readOnlyHint\":true,\"idempotentHint\":true}");
    assertThat(d.idempotent()).isTrue();
    assertThat(d.icons()).singleElement().satisfies(i -> assertThat(i.theme()).isEqualTo("dark"));
  }
}
