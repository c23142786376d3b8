package dev.mcpfleet.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Values args(String json) throws Exception {
    return Values.of(JSON.readTree(json));
  }

  @Test
  void plainTextTakesValuesAsTheyAre() throws Exception {
    Template t = Template.plain("Hello, {{name}}! {{n}} {{flag}} {{obj}} [{{missing}}]");

    assertThat(
            t.render(
                args(
                    "{\"name\":\"<Ada & \\\"Bob\\\">\",\"n\":2.5,\"flag\":true,\"obj\":{\"a\":1}}")))
        .isEqualTo("Hello, <Ada & \"Bob\">! 2.5 true {\"a\":1} []");
  }

  @Test
  void dottedPlaceholdersReadIntoObjects() throws Exception {
    assertThat(Template.plain("{{place.city}}").render(args("{\"place\":{\"city\":\"Oslo\"}}")))
        .isEqualTo("Oslo");
  }

  @Test
  void urlValuesArePercentEncodedSoTheyCannotChangeTheRequest() throws Exception {
    Template t = Template.of("https://api.example.com/v1/{{path}}?q={{q}}", Escapers.URL_COMPONENT);

    assertThat(t.render(args("{\"path\":\"../admin?x=1#f\",\"q\":\"a b&c=d/é\"}")))
        .isEqualTo("https://api.example.com/v1/..%2Fadmin%3Fx%3D1%23f?q=a%20b%26c%3Dd%2F%C3%A9");
  }

  @Test
  void jsonBodiesEscapeStringsAndKeepValuesWhole() throws Exception {
    Template t =
        Template.json(
            "{\"text\": \"say {{msg}}\", \"n\": {{n}}, \"tags\": {{tags}}, \"x\": {{none}}}");

    String body =
        t.render(args("{\"msg\":\"\\\"}, \\\"admin\\\": true, {\\\"\",\"n\":3,\"tags\":[\"a\"]}"));

    JsonNode parsed = JSON.readTree(body);
    assertThat(parsed.get("text").asText()).isEqualTo("say \"}, \"admin\": true, {\"");
    assertThat(parsed.get("n").asInt()).isEqualTo(3);
    assertThat(parsed.get("tags").get(0).asText()).isEqualTo("a");
    assertThat(parsed.get("x").isNull()).isTrue();
    assertThat(parsed.has("admin")).isFalse();
  }

  @Test
  void aStringArgumentBetweenJsonTokensBecomesOneJsonString() throws Exception {
    String body =
        Template.json("{\"a\": {{v}}}").render(args("{\"v\":\"1, \\\"admin\\\": true\"}"));

    assertThat(JSON.readTree(body).get("a").asText()).isEqualTo("1, \"admin\": true");
  }

  @Test
  void escapedQuotesInLiteralsDoNotConfuseTheStringState() throws Exception {
    String body = Template.json("{\"a\": \"x\\\"y\", \"b\": {{v}}}").render(args("{\"v\":\"z\"}"));

    assertThat(JSON.readTree(body).get("b").asText()).isEqualTo("z");
  }

  @Test
  void formBodiesArePercentEncodedAndOtherBodiesPlain() throws Exception {
    Values v = args("{\"q\":\"a&b\"}");

    assertThat(Template.body("q={{q}}", "application/x-www-form-urlencoded").render(v))
        .isEqualTo("q=a%26b");
    assertThat(Template.body("q={{q}}", "text/plain").render(v)).isEqualTo("q=a&b");
  }

  @Test
  void headerValuesRefuseLineBreaks() throws Exception {
    Template t = Template.of("Bearer {{token}}", Escapers.HEADER);

    assertThat(t.render(args("{\"token\":\"abc\"}"))).isEqualTo("Bearer abc");
    assertThatThrownBy(() -> t.render(args("{\"token\":\"abc\\r\\nX-Admin: 1\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line breaks");
  }

  @Test
  void fallbackValuesFillWhatIsAbsentAndExtraNamesWin() throws Exception {
    Values v =
        args("{\"a\":\"1\"}")
            .orElse(args("{\"a\":\"x\",\"b\":\"2\"}"))
            .with("body", JSON.readTree("{\"t\":9}"));

    assertThat(Template.plain("{{a}}{{b}}{{body.t}}").render(v)).isEqualTo("129");
    assertThat(Template.plain("{{x}}").render(Values.of(Map.of("x", "y")))).isEqualTo("y");
  }
}
