package dev.mcpfleet.e2e.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mcpfleet.api.CrdCelRules;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.validation.SpecValidator;
import dev.mcpfleet.e2e.support.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample is a valid McpServer: it parses strictly, passes the CRD's schema and every CEL rule
 * (evaluated with the CEL reference implementation, as the API server would) and the checks the
 * operator and runtime make before accepting a spec.
 */
class SamplesAreValidTest {

  static List<Path> samples() {
    return Samples.all();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleParsesStrictlyAndPassesTheSpecChecks(Path sample) throws Exception {
    McpServer server = ManifestReader.read(sample);

    assertThat(server.getMetadata().getName()).isNotBlank();
    assertThat(SpecValidator.validate(server.getSpec())).as("problems in %s", sample).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void samplePassesEveryCelRuleOfTheCrd(Path sample) throws IOException {
    JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(sample.toFile());

    for (CrdCelRules.Rule rule : CrdCelRules.all()) {
      for (CrdCelRules.Located node : CrdCelRules.nodesAt(manifest, rule.location())) {
        assertThat(CrdCelRules.holds(rule, node.node()))
            .as("%s at %s: %s", sample.getFileName(), node.path(), rule.message())
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleOpensWithACommentSayingWhatItShows(Path sample) throws IOException {
    List<String> lines = Files.readAllLines(sample);

    assertThat(lines.getFirst()).as("first line of %s", sample.getFileName()).startsWith("# ");
    assertThat(lines.stream().takeWhile(l -> l.startsWith("#")).count())
        .as("comment header lines of %s", sample.getFileName())
        .isGreaterThanOrEqualTo(5);
  }
}
