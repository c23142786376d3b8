package dev.mcpfleet.api.validation;

import static dev.mcpfleet.api.validation.Specs.problems;
import static dev.mcpfleet.api.validation.Specs.serverProblems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestException.Problem;
import org.junit.jupiter.api.Test;

/** Tool schemas, templates and HTTP requests. */
class SpecValidatorToolTest {

  /** A server with one tool whose body (below "- name: t") is {@code tool}. */
  private static java.util.List<Problem> tool(String tool) {
    return serverProblems("name: s\ntools:\n  - name: t\n    description: d\n" + tool.indent(4));
  }

  @Test
  void inputSchemaMustBeAnObjectSchema() {
    var problems = tool("inputSchema: {type: string}\ntext: {content: [{type: text, text: x}]}");

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly("spec.server.tools[0].inputSchema.type");
  }

  @Test
  void inputSchemaIsCheckedAgainstTheMetaSchemaAtThePlaceOfTheMistake() {
    var problems =
        tool(
            """
            inputSchema:
              type: object
              properties: {city: {type: strin}}
              required: city
            text: {content: [{type: text, text: x}]}
            """);

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "spec.server.tools[0].inputSchema.properties.city.type",
            "spec.server.tools[0].inputSchema.required");
    assertThat(problems.get(0).message()).contains("enumeration");
  }

  @Test
  void schemaDialectFollowsDollarSchemaAndDefaultsTo2020_12() {
    String draft4 =
        """
        inputSchema:
          $schema: "http://json-schema.org/draft-04/schema#"
          type: object
          properties: {n: {type: number, minimum: 0, exclusiveMinimum: true}}
        text: {content: [{type: text, text: x}]}
        """;

    assertThat(tool(draft4)).isEmpty();
    assertThat(tool(draft4.replace("$schema: \"http://json-schema.org/draft-04/schema#\"", "")))
        .extracting(Problem::path)
        .containsExactly("spec.server.tools[0].inputSchema.properties.n.exclusiveMinimum");
  }

  @Test
  void unknownDialectsAndRemoteReferencesAreRejectedWithoutFetchingAnything() {
    var unknown =
        tool(
            "inputSchema: {$schema: 'https://example.com/my-dialect', type: object}\n"
                + "text: {content: [{type: text, text: x}]}");
    var remote =
        tool(
            "inputSchema: {type: object, properties: {a: {$ref: 'https://schemas.invalid/a.json'}}}\n"
                + "text: {content: [{type: text, text: x}]}");
    var dangling =
        tool(
            "inputSchema: {type: object, properties: {a: {$ref: '#/$defs/missing'}}}\n"
                + "text: {content: [{type: text, text: x}]}");

    assertThat(unknown)
        .extracting(Problem::path)
        .containsExactly("spec.server.tools[0].inputSchema.$schema");
    assertThat(remote)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.server.tools[0].inputSchema");
              assertThat(p.message()).contains("self-contained");
            });
    assertThat(dangling)
        .extracting(Problem::path)
        .containsExactly("spec.server.tools[0].inputSchema");
  }

  @Test
  void outputSchemaNeedsConformingStructuredContent() {
    String schema =
        "outputSchema: {type: object, properties: {temp: {type: number}}, required: [temp]}\n";

    var missing = tool(schema + "text: {content: [{type: text, text: x}]}");
    var wrong = tool(schema + "text: {structuredContent: {temp: warm}}");
    var templated =
        tool(
            "inputSchema: {type: object, properties: {t: {type: number}}}\n"
                + schema
                + "text: {structuredContent: {temp: '{{t}}'}}");

    assertThat(missing)
        .extracting(Problem::path)
        .containsExactly("spec.server.tools[0].text.structuredContent");
    assertThat(wrong)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.server.tools[0].text.structuredContent");
              assertThat(p.message()).startsWith("does not conform to outputSchema: /temp:");
            });
    assertThat(templated).isEmpty();
  }

  @Test
  void aTextToolNeedsSomethingToAnswer() {
    assertThat(tool("text: {isError: true}"))
        .extracting(Problem::path)
        .containsExactly("spec.server.tools[0].text");
  }

  @Test
  void placeholdersMustNameDeclaredArguments() {
    var problems =
        tool(
            """
            inputSchema: {type: object, properties: {city: {type: string}, units: {type: string}}}
            text:
              content:
                - {type: text, text: "Weather in {{city}} ({{unit}})"}
            """);

    assertThat(problems)
        .containsExactly(
            new Problem(
                "spec.server.tools[0].text.content[0].text",
                "{{unit}} names nothing declared; declare it under inputSchema.properties, or use"
                    + " one of: city, units"));
  }

  @Test
  void dottedPlaceholdersFollowClosedObjectSchemas() {
    String schema =
        "inputSchema: {type: object, properties: {place: {type: object, properties: {city: {type:"
            + " string}}, additionalProperties: false}}}\n";

    assertThat(tool(schema + "text: {content: [{type: text, text: '{{place.city}}'}]}")).isEmpty();
    assertThat(tool(schema + "text: {content: [{type: text, text: '{{place.zip}}'}]}"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'zip' is not a property of place"));
  }

  @Test
  void malformedPlaceholdersSayHowToWriteLiteralBraces() {
    assertThat(tool("text: {content: [{type: text, text: 'use {{ .Values.x }}'}]}"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("is not a placeholder").contains("\\{{"));
  }

  @Test
  void imageDataMustBeBase64UnlessAnArgumentSuppliesIt() {
    var problems =
        tool(
            """
            inputSchema: {type: object, properties: {png: {type: string}}}
            text:
              content:
                - {type: image, mimeType: image/png, data: "not base64!"}
                - {type: image, mimeType: image/png, data: "{{png}}"}
                - {type: audio, mimeType: audio/wav, data: "UklG RgAA"}
            """);

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly("spec.server.tools[0].text.content[0].data");
  }

  @Test
  void httpPlaceholdersAreCheckedInUrlHeadersBodyAndResponseTemplate() {
    var problems =
        tool(
            """
            inputSchema: {type: object, properties: {city: {type: string}}}
            http:
              method: POST
              url: "https://api.example.com/w?q={{city}}&x={{x}}"
              headers: [{name: X-Trace, value: "{{trace}}"}]
              body: '{"c": "{{city}}", "d": {{day}}}'
              response: {template: "{{city}}: {{body}} {{nope}}"}
            """);

    assertThat(problems)
        .extracting(p -> p.path().replace("spec.server.tools[0].http.", ""))
        .containsExactly("url", "headers[0].value", "body", "response.template");
  }

  @Test
  void theUrlsSchemeAndHostMustBeLiteral() {
    var problems =
        tool(
            """
            inputSchema: {type: object, properties: {host: {type: string}}}
            http: {url: "https://{{host}}/x"}
            """);

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("host"));
    assertThat(tool("http: {url: \"https://api.example.com?q=1\"}")).isEmpty();
  }

  @Test
  void httpToolHostsMustBeInTheEgressAllowList() {
    String spec =
        """
        server:
          name: s
          tools:
            - name: t
              description: d
              http: {url: "https://api.weather.gov/points"}
        network: {egress: {allowedHosts: [%s]}}
        """;

    assertThat(problems(spec.formatted("'*.weather.gov'"))).isEmpty();
    assertThat(problems(spec.formatted("api.example.com")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.server.tools[0].http.url");
              assertThat(p.message()).contains("'api.weather.gov'").contains("allowedHosts");
            });
  }

  @Test
  void httpToolPortsMustBeOpenedByTheNetworkPolicy() {
    String spec =
        """
        server:
          name: s
          tools: [{name: t, description: d, http: {url: "http://api.example.com/x"}}]
        network: %s
        """;

    assertThat(problems(spec.formatted("{egress: {allowedHosts: [api.example.com]}}")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.server.tools[0].http.url");
              assertThat(p.message()).contains("port 80").contains("[443]").contains("https");
            });
    assertThat(problems(spec.formatted("{egress: {ports: [80]}}"))).isEmpty();
    assertThat(
            problems(spec.formatted("{enabled: false, egress: {allowedHosts: [api.example.com]}}")))
        .isEmpty();
    assertThat(problems(spec.formatted("{ingress: {allowAll: true}}"))).isEmpty();
  }

  @Test
  void getRequestsCarryNoBodyAndClientHeadersStayWithTheClient() {
    var problems =
        tool("http: {url: 'https://a.example.com/', body: x, headers: [{name: Host, value: h}]}");

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "spec.server.tools[0].http.headers[0].name", "spec.server.tools[0].http.body");
  }

  @Test
  void textResponsesCannotSatisfyAnOutputSchema() {
    var problems =
        tool(
            "outputSchema: {type: object}\n"
                + "http: {url: 'https://a.example.com/', response: {format: text}}");

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly("spec.server.tools[0].http.response.format");
  }
}
