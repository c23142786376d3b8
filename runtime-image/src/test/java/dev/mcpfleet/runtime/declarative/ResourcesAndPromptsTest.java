package dev.mcpfleet.runtime.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.ResourceContents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourcesAndPromptsTest {

  private static final ManifestItems ITEMS =
      Items.of(
          """
          name: s
          resources:
            - {uri: "docs://readme", name: readme, title: Read me, text: "Hello {{not templated}}", annotations: {audience: [assistant]}}
            - {uri: "img://dot", name: dot, mimeType: image/png, blob: "iVBO\\nRw=="}
          resourceTemplates:
            - uriTemplate: "users://{id}/profile"
              name: profile
              text: "Profile of {{id}}"
              completions: [{argument: id, values: [ada, alan, grace, Alonzo]}]
          prompts:
            - name: review
              title: Code review
              description: Reviews code
              arguments:
                - {name: code, required: true}
                - {name: language, completions: [java, javascript, go]}
              messages:
                - {role: user, content: {type: text, text: "Review this {{language}}:\\n{{code}}"}}
                - {role: assistant, content: {type: image, mimeType: image/png, data: iVBORw==}}
                - {role: user, content: {type: resource, resource: {uri: "code://{{language}}", text: "{{code}}"}}}
          """);

  @Test
  void staticResourcesServeTheirTextOrBlobWithSizeAndDefaults() throws Exception {
    var readme = ITEMS.resources().get(0);
    var dot = ITEMS.resources().get(1);

    assertThat(readme.descriptor().mimeType()).isEqualTo("text/plain");
    assertThat(readme.descriptor().size()).isEqualTo(23L);
    assertThat(readme.descriptor().annotations().audience()).containsExactly("assistant");
    assertThat(readme.read(Items.CONTEXT))
        .containsExactly(
            ResourceContents.text("docs://readme", "text/plain", "Hello {{not templated}}"));
    assertThat(dot.descriptor().size()).isEqualTo(4L);
    assertThat(dot.read(Items.CONTEXT))
        .containsExactly(ResourceContents.blob("img://dot", "image/png", "iVBORw=="));
  }

  @Test
  void templatesRenderTheUrisVariables() throws Exception {
    McpResourceTemplate profile = ITEMS.resourceTemplates().get(0);

    assertThat(profile.read("users://ada/profile", Map.of("id", "ada"), Items.CONTEXT))
        .containsExactly(
            ResourceContents.text("users://ada/profile", "text/plain", "Profile of ada"));
  }

  @Test
  void completionsOfferDeclaredValuesByPrefixIgnoringCase() {
    McpResourceTemplate profile = ITEMS.resourceTemplates().get(0);
    McpPrompt review = ITEMS.prompts().get(0);

    assertThat(profile.complete("id", "al")).containsExactly("alan", "Alonzo");
    assertThat(profile.complete("id", "")).hasSize(4);
    assertThat(profile.complete("nope", "a")).isEmpty();
    assertThat(review.complete("language", "ja", Map.of())).containsExactly("java", "javascript");
  }

  @Test
  void promptsRenderMessagesOfEveryContentTypeFromTheirArguments() throws Exception {
    McpPrompt review = ITEMS.prompts().get(0);

    var result = review.get(Map.of("code", "x = 1", "language", "go"), Items.CONTEXT);

    assertThat(review.descriptor().arguments())
        .containsExactly(
            new McpPrompt.Argument("code", null, null, true),
            new McpPrompt.Argument("language", null, null, false));
    assertThat(result.description()).isEqualTo("Reviews code");
    assertThat(result.messages())
        .containsExactly(
            new McpPrompt.Message("user", new Content.Text("Review this go:\nx = 1", null)),
            new McpPrompt.Message("assistant", new Content.Image("iVBORw==", "image/png", null)),
            new McpPrompt.Message(
                "user",
                new Content.EmbeddedResource(
                    ResourceContents.text("code://go", null, "x = 1"), null)));
  }

  @Test
  void itemsKeepManifestOrderAndServerInfoHasDefaults() {
    assertThat(ITEMS.resources())
        .extracting(r -> r.descriptor().uri())
        .containsExactly("docs://readme", "img://dot");
    assertThat(ITEMS.info().version()).isEqualTo("1.0.0");
    assertThat(ITEMS.problems()).isEqualTo(List.of());
  }
}
