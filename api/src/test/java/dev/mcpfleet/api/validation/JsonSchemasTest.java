package dev.mcpfleet.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void aSchemaIsCompiledOnceAndShared() throws Exception {
    String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";

    assertThat(JsonSchemas.compile(json(schema))).isSameAs(JsonSchemas.compile(json(schema)));
  }

  @Test
  void violationsNameTheInstanceLocation() throws Exception {
    var schema =
        JsonSchemas.compile(
            json(
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"b\"]}"));

    assertThat(JsonSchemas.violations(schema, json("{\"a\":1}")))
        .containsExactlyInAnyOrder(
            "/a: integer found, string expected", "required property 'b' not found");
  }

  @Test
  void messagesAreInEnglishWhateverTheMachinesLocale() throws Exception {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      var schema =
          JsonSchemas.compile(
              json("{\"type\":\"object\",\"properties\":{\"days\":{\"type\":\"integer\"}}}"));

      assertThat(JsonSchemas.violations(schema, json("{\"days\":\"3\"}")))
          .containsExactly("/days: string found, integer expected");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void metaSchemaProblemsArePointedAtOncePerPlace() throws Exception {
    var problems = JsonSchemas.problems(json("{\"type\":\"object\",\"required\":[1]}"));

    assertThat(problems)
        .extracting(JsonSchemas.SchemaProblem::pointer)
        .containsExactly("required[0]");
  }
}
