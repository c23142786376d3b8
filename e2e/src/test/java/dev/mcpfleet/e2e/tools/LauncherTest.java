package dev.mcpfleet.e2e.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.e2e.support.Repository;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mcp-fleet validate} and {@code render} as a user and a CI job run them. */
class LauncherTest {

  record Result(int exit, String out, String err) {}

  static Result launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "mcp-fleet"));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("mcp-fleet-err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(Repository.root().toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // The JDK running these tests, which scripts/find-jdk.sh then picks.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String errors = Files.readString(err);
    Files.delete(err);
    return new Result(process.exitValue(), out, errors);
  }

  @Test
  void validateExitsZeroOnTheSamplesAndOneOnABrokenManifest(@TempDir Path dir) throws Exception {
    Path broken = ValidateTest.toolWithoutImplementation(dir);

    Result samples = launch("validate", "samples/hello.yaml", "samples/github-issues.yaml");
    Result failed = launch("validate", broken.toString());

    assertThat(samples.exit()).as(samples.err()).isZero();
    assertThat(samples.out()).contains("samples/hello.yaml: valid McpServer hello");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.err()).contains("Accepted=False, reason InvalidSpec");
  }

  @Test
  void renderPrintsTheObjectsAsYaml() throws Exception {
    Result rendered = launch("render", "samples/hello.yaml", "--namespace", "demo");

    assertThat(rendered.exit()).as(rendered.err()).isZero();
    assertThat(RenderTest.parse(rendered.out()))
        .extracting(o -> o.getKind() + " " + o.getMetadata().getNamespace())
        .contains("Deployment demo", "Service demo", "ConfigMap demo");
  }
}
