package dev.mcpfleet.runtime.definition;

import dev.mcpfleet.api.ManifestException;
import dev.mcpfleet.api.ManifestException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a manifest file, following symlinks (a Kubernetes ConfigMap mount is made of them). */
public final class ManifestFile {

  private ManifestFile() {}

  /** The file's text, or a {@link ManifestException} that says why it cannot be read. */
  public static String read(Path file) throws ManifestException {
    if (Files.isDirectory(file)) {
      throw new ManifestException(
          file.toString(),
          List.of(
              new Problem(
                  "",
                  "is a directory; give the manifest file, e.g. "
                      + file.resolve("mcpserver.yaml"))));
    }
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ManifestException(
          file.toString(), List.of(new Problem("", "no such file; check the path")));
    } catch (IOException e) {
      throw new ManifestException(
          file.toString(), List.of(new Problem("", "cannot read: " + e.getMessage())));
    }
  }
}
