package dev.mcpfleet.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.api.validation.TemplateText.Literal;
import dev.mcpfleet.api.validation.TemplateText.Placeholder;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

  @Test
  void splitsLiteralsAndPlaceholders() {
    TemplateText t = TemplateText.parse("Hello, {{ name }}! You live in {{place.city}}.");

    assertThat(t.parts())
        .containsExactly(
            new Literal("Hello, "),
            new Placeholder(List.of("name"), 7),
            new Literal("! You live in "),
            new Placeholder(List.of("place", "city"), 31),
            new Literal("."));
    assertThat(t.roots()).containsExactly("name", "place");
  }

  @Test
  void textWithoutPlaceholdersIsOneLiteral() {
    TemplateText t = TemplateText.parse("{\"a\": {\"b\": 1}} and } and {");

    assertThat(t.hasPlaceholders()).isFalse();
    assertThat(t.parts()).containsExactly(new Literal("{\"a\": {\"b\": 1}} and } and {"));
  }

  @Test
  void backslashWritesLiteralBraces() {
    assertThat(TemplateText.parse("\\{{x}}").parts()).containsExactly(new Literal("{{x}}"));
  }

  @Test
  void aPlaceholderInsideJsonBracesIsFound() {
    TemplateText t = TemplateText.parse("{\"n\":{{{n}}}}");

    assertThat(t.parts())
        .containsExactly(
            new Literal("{\"n\":{"), new Placeholder(List.of("n"), 6), new Literal("}}"));
  }

  @Test
  void aWholePlaceholderIsRecognised() {
    assertThat(TemplateText.parse("{{count}}").whole())
        .isEqualTo(new Placeholder(List.of("count"), 0));
    assertThat(TemplateText.parse("n={{count}}").whole()).isNull();
  }

  @Test
  void unclosedAndInvalidPlaceholdersAreErrorsThatSayWhere() {
    assertThatThrownBy(() -> TemplateText.parse("Hi {{name"))
        .hasMessageContaining("'{{' at character 4 is never closed");
    assertThatThrownBy(() -> TemplateText.parse("{{ 1st }}"))
        .hasMessageContaining("is not a placeholder");
    assertThatThrownBy(() -> TemplateText.parse("{{a..b}}"))
        .hasMessageContaining("is not a placeholder");
    assertThatThrownBy(() -> TemplateText.parse("{{}}"))
        .hasMessageContaining("is not a placeholder");
  }
}
