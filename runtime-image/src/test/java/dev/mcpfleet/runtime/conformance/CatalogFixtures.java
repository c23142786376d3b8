package dev.mcpfleet.runtime.conformance;

import static dev.mcpfleet.runtime.conformance.Fixture.answered;
import static dev.mcpfleet.runtime.conformance.Fixture.prompt;
import static dev.mcpfleet.runtime.conformance.Fixture.resource;

import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpPrompt.Argument;
import dev.mcpfleet.runtime.spi.McpPrompt.Message;
import dev.mcpfleet.runtime.spi.McpPrompt.PromptResult;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.ResourceContents;
import java.util.List;

/** The conformance suite's resource, template and prompt fixtures. */
final class CatalogFixtures {

  private CatalogFixtures() {}

  static List<McpResource> resources() {
    return List.of(
        resource(
            "test://static-text",
            "static-text",
            "A static text resource for testing",
            "text/plain",
            ctx ->
                List.of(
                    ResourceContents.text(
                        "test://static-text",
                        "text/plain",
                        "This is the content of the static text resource."))),
        resource(
            "test://static-binary",
            "static-binary",
            "A static binary resource (image) for testing",
            "image/png",
            ctx ->
                List.of(
                    ResourceContents.blob(
                        "test://static-binary", "image/png", ContentFixtures.IMAGE))),
        resource(
            "test://watched-resource",
            "watched-resource",
            "A resource that subscribers are told about when it changes",
            "text/plain",
            ctx ->
                List.of(
                    ResourceContents.text(
                        "test://watched-resource", "text/plain", "Watched resource content"))));
  }

  static List<McpResourceTemplate> templates() {
    return List.of(
        new Fixture.Template(
            new McpResourceTemplate.TemplateDescriptor(
                "test://template/{id}/data",
                "template",
                "Resource Template",
                "A resource template with parameter substitution",
                "application/json",
                null,
                List.of()),
            (uri, variables, ctx) ->
                List.of(
                    ResourceContents.text(
                        uri,
                        "application/json",
                        "{\"id\":\""
                            + variables.get("id")
                            + "\",\"templateTest\":true,\"data\":\"Data for ID: "
                            + variables.get("id")
                            + "\"}"))));
  }

  static List<McpPrompt> prompts() {
    return List.of(
        prompt(
            "test_simple_prompt",
            "A simple prompt without arguments",
            List.of(),
            (args, ctx) ->
                new PromptResult(null, List.of(text("This is a simple prompt for testing.")))),
        prompt(
            "test_prompt_with_arguments",
            "A prompt with required arguments",
            List.of(
                new Argument("arg1", null, "First test argument", true),
                new Argument("arg2", null, "Second test argument", true)),
            (args, ctx) ->
                new PromptResult(
                    null,
                    List.of(
                        text(
                            "Prompt with arguments: arg1='"
                                + args.get("arg1")
                                + "', arg2='"
                                + args.get("arg2")
                                + "'")))),
        prompt(
            "test_prompt_with_embedded_resource",
            "A prompt that includes an embedded resource",
            List.of(new Argument("resourceUri", null, "URI of the resource to embed", true)),
            (args, ctx) ->
                new PromptResult(
                    null,
                    List.of(
                        new Message(
                            "user",
                            new Content.EmbeddedResource(
                                ResourceContents.text(
                                    args.get("resourceUri"),
                                    "text/plain",
                                    "Embedded resource content for testing."),
                                null)),
                        text("Please process the embedded resource above.")))),
        prompt(
            "test_prompt_with_image",
            "A prompt that includes image content",
            List.of(),
            (args, ctx) ->
                new PromptResult(
                    null,
                    List.of(
                        new Message(
                            "user", new Content.Image(ContentFixtures.IMAGE, "image/png", null)),
                        text("Please analyze the image above.")))),
        prompt(
            "test_input_required_result_prompt",
            "MRTR: prompt that requires elicitation input",
            List.of(),
            (args, ctx) -> {
              String context =
                  answered(
                      ctx.elicit(
                          "user_context",
                          "What context should the prompt use?",
                          InputFixtures.nameSchema("context")),
                      "context");
              return new PromptResult(null, List.of(text("Use this context: " + context)));
            }));
  }

  private static Message text(String text) {
    return new Message("user", new Content.Text(text, null));
  }
}
