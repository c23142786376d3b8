package dev.mcpfleet.runtime.conformance;

import static dev.mcpfleet.runtime.conformance.Fixture.json;
import static dev.mcpfleet.runtime.conformance.Fixture.tool;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.List;

/**
 * The conformance suite's tool fixtures that need no client input: every content type, logging,
 * progress and errors, as the suite's reference server implements them.
 */
final class ContentFixtures {

  /** A 1x1 red PNG. */
  static final String IMAGE =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

  /** A minimal WAV file. */
  static final String AUDIO = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

  private ContentFixtures() {}

  static List<McpTool> tools() {
    return List.of(
        tool(
            "test_simple_text",
            "Tests simple text content response",
            null,
            true,
            (call, ctx) -> ToolResult.text("This is a simple text response for testing.")),
        tool(
            "test_image_content",
            "Tests image content response",
            null,
            true,
            (call, ctx) -> result(new Content.Image(IMAGE, "image/png", null))),
        tool(
            "test_audio_content",
            "Tests audio content response",
            null,
            true,
            (call, ctx) -> result(new Content.Audio(AUDIO, "audio/wav", null))),
        tool(
            "test_embedded_resource",
            "Tests embedded resource content response",
            null,
            true,
            (call, ctx) ->
                result(
                    new Content.EmbeddedResource(
                        ResourceContents.text(
                            "test://embedded-resource",
                            "text/plain",
                            "This is an embedded resource content."),
                        null))),
        tool(
            "test_multiple_content_types",
            "Tests response with multiple content types (text, image, resource)",
            null,
            true,
            (call, ctx) ->
                new ToolResult(
                    List.of(
                        new Content.Text("Multiple content types test:", null),
                        new Content.Image(IMAGE, "image/png", null),
                        new Content.EmbeddedResource(
                            ResourceContents.text(
                                "test://mixed-content-resource",
                                "application/json",
                                "{\"test\":\"data\",\"value\":123}"),
                            null)),
                    null,
                    false)),
        tool(
            "test_tool_with_logging",
            "Tests tool that emits log messages during execution",
            null,
            false,
            (call, ctx) -> {
              for (String step :
                  List.of(
                      "Tool execution started",
                      "Tool processing data",
                      "Tool execution completed")) {
                ctx.log("info", "conformance-fixture", TextNode.valueOf(step));
                Thread.sleep(50);
              }
              return ToolResult.text("Tool with logging executed successfully");
            }),
        tool(
            "test_tool_with_progress",
            "Tests tool that reports progress notifications",
            null,
            false,
            (call, ctx) -> {
              for (int step = 0; step <= 100; step += 50) {
                ctx.progress(step, 100.0, "Completed step " + step + " of 100");
                Thread.sleep(50);
              }
              return ToolResult.text("Progress reported");
            }),
        tool(
            "test_error_handling",
            "Tests error response handling",
            null,
            true,
            (call, ctx) -> {
              throw new IllegalStateException(
                  "This tool intentionally returns an error for testing");
            }),
        tool(
            "test_reconnection",
            "Tests a call that completes after a short pause",
            null,
            false,
            (call, ctx) -> {
              Thread.sleep(100);
              return ToolResult.text("Reconnection test completed successfully.");
            }),
        tool(
            "json_schema_2020_12_tool",
            "Tool with JSON Schema 2020-12 features for conformance testing (SEP-1613)",
            """
            {'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',
             '$defs':{'address':{'$anchor':'addressDef','type':'object',
               'properties':{'street':{'type':'string'},'city':{'type':'string'}}}},
             'properties':{'name':{'type':'string'},'address':{'$ref':'#/$defs/address'},
               'contactMethod':{'type':'string','enum':['phone','email']},
               'phone':{'type':'string'},'email':{'type':'string'}},
             'allOf':[{'anyOf':[{'required':['phone']},{'required':['email']}]}],
             'if':{'properties':{'contactMethod':{'const':'phone'}},'required':['contactMethod']},
             'then':{'required':['phone']},'else':{'required':['email']},
             'additionalProperties':false}
            """,
            true,
            (call, ctx) ->
                ToolResult.text("JSON Schema 2020-12 tool called with: " + call.arguments())),
        tool(
            "test_header_param",
            "Echoes a region that the client mirrors into the Mcp-Param-Region header",
            "{'type':'object','properties':{'region':{'type':'string','x-mcp-header':'Region'},"
                + "'note':{'type':'string'}},'required':['region']}",
            true,
            (call, ctx) -> ToolResult.text("Region: " + call.arguments().path("region").asText())),
        tool(
            "test_logging_tool",
            "Diagnostic logging validator tool",
            null,
            true,
            (call, ctx) -> {
              ctx.log("info", "conformance-fixture", json("{'message':'Diagnostic trace'}"));
              return ToolResult.text("Logging evaluated");
            }));
  }

  private static ToolResult result(Content content) {
    return new ToolResult(List.of(content), null, false);
  }
}
