package dev.mcpfleet.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.runtime.declarative.Items;
import dev.mcpfleet.runtime.declarative.ManifestItems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerDefinitionTest {

  @Test
  void aUriIsMatchedToTheFirstTemplateThatFitsWithItsVariables() {
    ManifestItems items =
        Items.of(
            """
            name: s
            resourceTemplates:
              - {uriTemplate: "users://{id}/profile", name: profile, text: "p {{id}}"}
              - {uriTemplate: "users://{+rest}", name: any, text: "a {{rest}}"}
            """);
    ServerDefinition definition =
        new ServerDefinition(
            null, items.info(), List.of(), List.of(), items.resourceTemplates(), List.of());

    var profile = definition.matchTemplate("users://ada/profile");
    var any = definition.matchTemplate("users://ada/posts/1");

    assertThat(profile.template().descriptor().name()).isEqualTo("profile");
    assertThat(profile.variables()).isEqualTo(Map.of("id", "ada"));
    assertThat(any.template().descriptor().name()).isEqualTo("any");
    assertThat(definition.matchTemplate("docs://x")).isNull();
  }
}
