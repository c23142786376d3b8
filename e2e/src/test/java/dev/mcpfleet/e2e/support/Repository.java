package dev.mcpfleet.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the MCP Fleet source tree, found from the test's working directory. */
public final class Repository {

  private Repository() {}

  /** The repository root: the first folder upwards that holds the parent pom and the chart. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("helm/mcp-fleet"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "run the tests from the MCP Fleet source tree: no folder above "
            + Path.of("").toAbsolutePath()
            + " holds pom.xml and helm/mcp-fleet");
  }

  public static Path resolve(String relative) {
    return root().resolve(relative);
  }

  /** The Maven project version the build passes to the tests (surefire systemPropertyVariables). */
  public static String projectVersion() {
    String version = System.getProperty("mcpfleet.version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException("system property mcpfleet.version is not set: run via Maven");
    }
    return version;
  }
}
