package dev.mcpfleet.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTemplateTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void wholePlaceholdersKeepTheArgumentsTypeAndOthersRenderText() throws Exception {
    JsonTemplate t =
        JsonTemplate.compile(
            JSON.readTree(
                "{\"temp\":\"{{t}}\",\"label\":\"{{t}} degrees\",\"fixed\":[1,\"a\"],"
                    + "\"nested\":[{\"city\":\"{{city}}\"}],\"gone\":\"{{missing}}\"}"));

    JsonNode out = t.render(Values.of(JSON.readTree("{\"t\":21.5,\"city\":\"Oslo\"}")));

    assertThat(out)
        .isEqualTo(
            JSON.readTree(
                "{\"temp\":21.5,\"label\":\"21.5 degrees\",\"fixed\":[1,\"a\"],"
                    + "\"nested\":[{\"city\":\"Oslo\"}],\"gone\":null}"));
  }

  @Test
  void aTemplateWithoutPlaceholdersRendersTheSameValue() throws Exception {
    JsonNode fixed = JSON.readTree("{\"a\":{\"b\":[1,2]}}");

    assertThat(JsonTemplate.compile(fixed).render(Values.NONE)).isSameAs(fixed);
  }
}
