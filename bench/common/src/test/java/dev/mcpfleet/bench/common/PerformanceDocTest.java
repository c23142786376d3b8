package dev.mcpfleet.bench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceDocTest {

  @Test
  void sectionIsAppendedWhenMissing() {
    String document = PerformanceDoc.withSection("# Performance\n", "runtime", "figures");

    assertThat(document)
        .isEqualTo("# Performance\n\n<!-- BEGIN runtime -->\nfigures\n<!-- END runtime -->\n");
  }

  @Test
  void onlyTheNamedSectionIsReplaced() {
    String document =
        PerformanceDoc.withSection(
            PerformanceDoc.withSection("# Performance\n", "runtime", "old runtime"),
            "operator",
            "operator figures");

    String updated = PerformanceDoc.withSection(document, "runtime", "new runtime");

    assertThat(updated)
        .contains("new runtime")
        .doesNotContain("old runtime")
        .contains("<!-- BEGIN operator -->\noperator figures\n<!-- END operator -->");
    assertThat(updated.indexOf("new runtime")).isLessThan(updated.indexOf("operator figures"));
  }

  @Test
  void writeSectionCreatesTheFileAndKeepsWhatIsAroundTheSection(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("docs/performance.md");
    PerformanceDoc.writeSection(file, "runtime", "first");
    Files.writeString(file, "# Intro\n" + Files.readString(file) + "\nOutro\n");

    PerformanceDoc.writeSection(file, "runtime", "second");

    assertThat(Files.readString(file))
        .startsWith("# Intro\n")
        .contains("second")
        .doesNotContain("first")
        .endsWith("Outro\n");
  }
}
