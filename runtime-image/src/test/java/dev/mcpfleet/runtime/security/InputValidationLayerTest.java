package dev.mcpfleet.runtime.security;

import static dev.mcpfleet.runtime.layers.LayerFixtures.args;
import static dev.mcpfleet.runtime.layers.LayerFixtures.call;
import static dev.mcpfleet.runtime.layers.LayerFixtures.context;
import static dev.mcpfleet.runtime.layers.LayerFixtures.text;
import static dev.mcpfleet.runtime.layers.LayerFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import dev.mcpfleet.api.validation.JsonSchemas;
import dev.mcpfleet.runtime.layers.LayerFixtures.FakeTool;
import dev.mcpfleet.runtime.pipeline.ClassifiedError;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidationLayerTest {

  private static final String WEATHER =
      """
      {"type":"object","additionalProperties":false,
       "properties":{"city":{"type":"string","minLength":1,"maxLength":64},
                     "days":{"type":"integer","minimum":1,"maximum":14}},
       "required":["city"]}
      """;

  private final FakeTool weather =
      tool(
          "weather",
          WEATHER,
          true,
          (c, ctx) -> ToolResult.text("sunny in " + c.arguments().path("city").asText()));
  private final InputValidationLayer layer = new InputValidationLayer(List.of(weather));

  private ToolResult callWith(String arguments) throws Exception {
    return call(List.of(layer), weather, args(arguments), context(Caller.ANONYMOUS));
  }

  @Test
  void argumentsThatMatchReachTheTool() throws Exception {
    ToolResult result = callWith("{\"city\":\"Lyon\",\"days\":3}");

    assertThat(result.isError()).isFalse();
    assertThat(weather.calls).hasValue(1);
  }

  @Test
  void aMissingRequiredFieldIsNamedAndTheToolIsNotCalled() throws Exception {
    ToolResult result = callWith("{\"days\":3}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith("INVALID_INPUT:").contains("'/city'");
    assertThat(ClassifiedError.codeOf(result)).isEqualTo("INVALID_INPUT");
    assertThat(
            result.meta().path("dev.mcpfleet/error").path("details").get(0).path("field").asText())
        .isEqualTo("'/city'");
    assertThat(weather.calls).hasValue(0);
  }

  @Test
  void theSchemaCompiledWhenTheDefinitionWasCheckedIsReusedAndStillNamesTheWrongField()
      throws Exception {
    // The manifest check compiled this schema when the definition was loaded; a pipeline built
    // for the definition (and rebuilt on every reload) reuses it instead of compiling again.
    Schema checked = JsonSchemas.compile(weather.descriptor().inputSchema());
    InputValidationLayer rebuilt = new InputValidationLayer(List.of(weather));

    assertThat(layer.schemaOf("weather")).isSameAs(checked);
    assertThat(rebuilt.schemaOf("weather")).isSameAs(checked);
    ToolResult result =
        call(List.of(rebuilt), weather, args("{\"city\":\"\"}"), context(Caller.ANONYMOUS));
    assertThat(text(result))
        .startsWith("INVALID_INPUT:")
        .contains("'/city'")
        .contains("at least 1 characters");
    assertThat(weather.calls).hasValue(0);
  }

  @Test
  void aWrongTypeAndAnOutOfRangeValueAreEachNamed() throws Exception {
    ToolResult result = callWith("{\"city\":42,\"days\":99}");

    assertThat(text(result))
        .contains("'/city'")
        .contains("string")
        .contains("'/days'")
        .contains("14");
  }

  @Test
  void unknownFieldsAreRefusedWhenTheSchemaSaysSo() throws Exception {
    ToolResult result = callWith("{\"city\":\"Lyon\",\"debug\":true}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("debug");
  }

  @Test
  void oversizedValuesAreRefused() throws Exception {
    ToolResult result = callWith("{\"city\":\"" + "x".repeat(10_000) + "\"}");

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("'/city'").contains("64");
    assertThat(text(result).length()).isLessThan(2_000);
  }

  @Test
  void manyProblemsAreListedUpToALimit() throws Exception {
    StringBuilder schema = new StringBuilder("{\"type\":\"object\",\"properties\":{");
    StringBuilder arguments = new StringBuilder("{");
    for (int i = 0; i < 15; i++) {
      schema.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":{\"type\":\"integer\"}");
      arguments.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"x\"");
    }
    FakeTool wide =
        tool("wide", schema.append("}}").toString(), false, (c, ctx) -> ToolResult.text("ok"));

    ToolResult result =
        call(
            List.of(new InputValidationLayer(List.of(wide))),
            wide,
            args(arguments.append("}").toString()),
            context(Caller.ANONYMOUS));

    assertThat(text(result)).contains("and 5 more problems");
  }

  @Test
  void draft7SchemasAreReadAsDraft7() throws Exception {
    FakeTool old =
        tool(
            "old",
            "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
                + "\"properties\":{\"n\":{\"type\":\"number\",\"exclusiveMaximum\":10}}}",
            false,
            (c, ctx) -> ToolResult.text("ok"));
    InputValidationLayer draft7 = new InputValidationLayer(List.of(old));

    assertThat(call(List.of(draft7), old, args("{\"n\":10}"), context(Caller.ANONYMOUS)).isError())
        .isTrue();
    assertThat(call(List.of(draft7), old, args("{\"n\":9}"), context(Caller.ANONYMOUS)).isError())
        .isFalse();
  }

  @Test
  void aSchemaThatCannotBeCompiledNamesItsTool() {
    FakeTool broken =
        tool(
            "broken",
            "{\"type\":\"object\",\"$ref\":\"#/$defs/missing\"}",
            false,
            (c, ctx) -> null);

    assertThatThrownBy(
            () ->
                call(
                    List.of(new InputValidationLayer(List.of(broken))),
                    broken,
                    args("{}"),
                    context(Caller.ANONYMOUS)))
        .hasMessageContaining("broken");
  }

  @Test
  void toolsWithoutASchemaAreNotChecked() throws Exception {
    FakeTool open = tool("open", null, false, (c, ctx) -> ToolResult.text("ok"));

    assertThat(
            call(
                    List.of(new InputValidationLayer(List.of(open))),
                    open,
                    args("{\"any\":1}"),
                    context(Caller.ANONYMOUS))
                .isError())
        .isFalse();
  }
}
