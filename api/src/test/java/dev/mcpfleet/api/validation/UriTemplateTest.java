package dev.mcpfleet.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.api.validation.UriTemplate.Expression;
import dev.mcpfleet.api.validation.UriTemplate.Literal;
import dev.mcpfleet.api.validation.UriTemplate.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class UriTemplateTest {

  @Test
  void parsesLiteralsAndExpressionsOfEveryLevel() {
    UriTemplate t = UriTemplate.parse("users://{id}/files{/path*}{?q,lang:2}");

    assertThat(t.parts())
        .containsExactly(
            new Literal("users://"),
            new Expression('\0', List.of(new Variable("id", 0, false))),
            new Literal("/files"),
            new Expression('/', List.of(new Variable("path", 0, true))),
            new Expression(
                '?', List.of(new Variable("q", 0, false), new Variable("lang", 2, false))));
    assertThat(t.variableNames()).containsExactly("id", "path", "q", "lang");
  }

  @Test
  void rejectsMalformedTemplatesSayingWhere() {
    assertThatThrownBy(() -> UriTemplate.parse("a://{id")).hasMessageContaining("never closed");
    assertThatThrownBy(() -> UriTemplate.parse("a://{}")).hasMessageContaining("names no variable");
    assertThatThrownBy(() -> UriTemplate.parse("a://{=x}")).hasMessageContaining("reserved");
    assertThatThrownBy(() -> UriTemplate.parse("a://{x:0}")).hasMessageContaining("1 to 9999");
    assertThatThrownBy(() -> UriTemplate.parse("a://{a-b}"))
        .hasMessageContaining("not a variable name");
    assertThatThrownBy(() -> UriTemplate.parse("a://b c")).hasMessageContaining("character 6");
    assertThatThrownBy(() -> UriTemplate.parse("a://%zz")).hasMessageContaining("percent-encoding");
  }
}
