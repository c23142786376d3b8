package dev.mcpfleet.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/performance.md, where each benchmark owns one section between {@code <!-- BEGIN name -->}
 * and {@code <!-- END name -->} markers and rewrites only that section, so that the runtime and
 * operator benchmarks can publish their figures independently.
 */
public final class PerformanceDoc {

  private PerformanceDoc() {}

  /** {@code document} with section {@code name} replaced by {@code body}, appended if missing. */
  public static String withSection(String document, String name, String body) {
    String begin = "<!-- BEGIN " + name + " -->";
    String end = "<!-- END " + name + " -->";
    String section = begin + "\n" + body.strip() + "\n" + end;
    int from = document.indexOf(begin);
    int to = document.indexOf(end);
    if (from < 0 || to < from) {
      String separator = document.isEmpty() || document.endsWith("\n\n") ? "" : "\n";
      return document + separator + section + "\n";
    }
    return document.substring(0, from) + section + document.substring(to + end.length());
  }

  /** Rewrites section {@code name} of the file, creating the file if needed. */
  public static void writeSection(Path file, String name, String body) {
    try {
      String document = Files.exists(file) ? Files.readString(file) : "";
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, withSection(document, name, body));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
