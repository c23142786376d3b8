package dev.mcpfleet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CRD is generated from the records at build time (crd-generator-maven-plugin, into
 * target/classes/META-INF/fabric8) and committed under crds/. This test fails when the two differ;
 * {@code ./mvnw -pl api test -Dcrd.update=true} rewrites the committed copy.
 */
class CrdIsCommittedTest {

  static final String CRD_FILE = "mcpservers.mcpfleet.dev-v1.yml";
  static final Path COMMITTED = Path.of("..", "crds", CRD_FILE);

  @Test
  void committedCrdEqualsTheGeneratedOne() throws IOException {
    String generated = generated();

    if (Boolean.getBoolean("crd.update")) {
      Files.writeString(COMMITTED, generated);
    }

    assertThat(COMMITTED)
        .as("crds/%s is stale: run ./mvnw -pl api test -Dcrd.update=true and commit it", CRD_FILE)
        .exists();
    assertThat(Files.readString(COMMITTED))
        .as("crds/%s is stale: run ./mvnw -pl api test -Dcrd.update=true and commit it", CRD_FILE)
        .isEqualTo(generated);
  }

  static String generated() throws IOException {
    try (InputStream in =
        CrdIsCommittedTest.class.getResourceAsStream("/META-INF/fabric8/" + CRD_FILE)) {
      assertThat(in).as("generated CRD on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
