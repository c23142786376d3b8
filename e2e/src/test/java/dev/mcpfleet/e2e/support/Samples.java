package dev.mcpfleet.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The McpServer manifests in samples/ that users copy (samples/helm/ holds chart values). */
public final class Samples {

  private Samples() {}

  public static Path dir() {
    return Repository.resolve("samples");
  }

  /** Every sample manifest, by file name. */
  public static List<Path> all() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path named(String fileName) {
    return dir().resolve(fileName);
  }

  /** The sample as an McpServer. */
  public static dev.mcpfleet.api.McpServer read(String fileName)
      throws dev.mcpfleet.api.ManifestException {
    return dev.mcpfleet.api.ManifestReader.read(named(fileName));
  }
}
