package dev.mcpfleet.runtime.upstream;

import static dev.mcpfleet.runtime.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.ToolDescriptor;
import dev.mcpfleet.runtime.spi.ToolResult;
import org.junit.jupiter.api.Test;

class WireMappingTest {

  @Test
  void aListedToolKeepsItsSchemasAnnotationsAndIcons() {
    ToolDescriptor tool =
        WireDescriptors.tool(
            json(
                "{'name':'add','description':'Adds.','inputSchema':{'type':'object',"
                    + "'properties':{'a':{'type':'number'}}},'outputSchema':{'type':'object'},"
                    + "'annotations':{'title':'Adder','idempotentHint':true},"
                    + "'icons':[{'src':'https://x/i.png','sizes':['48x48']}],"
                    + "'execution':{'taskSupport':'optional'}}"));

    assertThat(tool.name()).isEqualTo("add");
    assertThat(tool.title()).isEqualTo("Adder");
    assertThat(tool.inputSchema().path("properties").has("a")).isTrue();
    assertThat(tool.outputSchema()).isNotNull();
    assertThat(tool.idempotent()).isTrue();
    assertThat(tool.icons())
        .extracting(ToolDescriptor.Icon::sizes)
        .containsExactly(java.util.List.of("48x48"));
  }

  @Test
  void aToolWithoutInputSchemaTakesAnObject() {
    assertThat(WireDescriptors.tool(json("{'name':'t'}")).inputSchema().toString())
        .isEqualTo("{\"type\":\"object\"}");
  }

  @Test
  void everyKindOfContentIsReadAndAnUnknownOneKeptAsText() {
    ToolResult result =
        WireResults.toolResult(
            json(
                "{'content':[{'type':'text','text':'hi','annotations':{'audience':['user']}},"
                    + "{'type':'image','data':'AA==','mimeType':'image/png'},"
                    + "{'type':'audio','data':'AA==','mimeType':'audio/wav'},"
                    + "{'type':'resource','resource':{'uri':'x://a','blob':'AA=='}},"
                    + "{'type':'resource_link','uri':'x://b','name':'b'},"
                    + "{'type':'hologram','frames':3}],"
                    + "'structuredContent':{'sum':3},'isError':true}"));

    assertThat(result.content())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly("Text", "Image", "Audio", "EmbeddedResource", "ResourceLink", "Text");
    assertThat(((Content.Text) result.content().getFirst()).annotations().audience())
        .containsExactly("user");
    assertThat(((Content.EmbeddedResource) result.content().get(3)).resource().blob())
        .isEqualTo("AA==");
    assertThat(((Content.Text) result.content().get(5)).text()).contains("hologram");
    assertThat(result.structuredContent().path("sum").asInt()).isEqualTo(3);
    assertThat(result.isError()).isTrue();
  }

  @Test
  void anUpstreamCannotSetTheMetaKeysOfTheRuntimesLayers() {
    ToolResult result =
        WireResults.toolResult(
            json(
                "{'content':[],'_meta':{'dev.mcpfleet/error':{'category':'external_error'},"
                    + "'example.com/trace':'t1'}}"));

    assertThat(result.meta().has("dev.mcpfleet/error")).isFalse();
    assertThat(result.meta().path("example.com/trace").asText()).isEqualTo("t1");
  }

  @Test
  void aPromptKeepsItsArgumentsAndMessages() {
    McpPrompt.PromptDescriptor prompt =
        WireDescriptors.prompt(
            json("{'name':'greet','arguments':[{'name':'who','required':true},{'name':'tone'}]}"));
    McpPrompt.PromptResult expanded =
        WireResults.promptResult(
            json(
                "{'description':'d','messages':[{'role':'assistant','content':{'type':'text','text':'x'}}]}"));

    assertThat(prompt.arguments())
        .extracting(McpPrompt.Argument::name, McpPrompt.Argument::required)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("who", true),
            org.assertj.core.groups.Tuple.tuple("tone", false));
    assertThat(expanded.messages().getFirst().role()).isEqualTo("assistant");
  }
}
