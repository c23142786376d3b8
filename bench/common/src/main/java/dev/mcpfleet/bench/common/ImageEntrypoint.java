package dev.mcpfleet.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options an image's Dockerfile starts its java with ({@code ENTRYPOINT ["java", <options>,
 * "-jar", <jar>]}), so that a benchmark runs a process as the image would and follows the image
 * when it changes.
 */
public final class ImageEntrypoint {

  private static final Pattern WORD = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  private ImageEntrypoint() {}

  /** The options between {@code java} and {@code -jar}. */
  public static List<String> jvmOptions(Path dockerfile) {
    List<String> words = words(dockerfile);
    int jar = words.indexOf("-jar");
    if (words.isEmpty() || !words.get(0).equals("java") || jar < 0) {
      throw new IllegalStateException(
          dockerfile + ": expected ENTRYPOINT [\"java\", <options>..., \"-jar\", <jar>]");
    }
    return List.copyOf(words.subList(1, jar));
  }

  /** The image's path of the jar the ENTRYPOINT runs. */
  public static String jar(Path dockerfile) {
    List<String> words = words(dockerfile);
    int jar = words.indexOf("-jar");
    if (jar < 0 || jar + 1 >= words.size()) {
      throw new IllegalStateException(dockerfile + ": expected ENTRYPOINT [..., \"-jar\", <jar>]");
    }
    return words.get(jar + 1);
  }

  /**
   * The image build's run of {@code java} that trains the JVM's start-up cache ({@code RUN ["java",
   * ..., "-XX:AOTCacheOutput=<file>", ...]}), or none.
   */
  public static List<String> trainingRun(Path dockerfile) {
    return lines(dockerfile, "RUN ").stream()
        .filter(run -> !run.isEmpty() && run.get(0).equals("java"))
        .filter(run -> run.stream().anyMatch(w -> w.startsWith("-XX:AOTCacheOutput=")))
        .findFirst()
        .orElse(List.of());
  }

  /**
   * {@code words} with the image's directory {@code imageDir} (e.g. {@code /opt/app}) replaced by
   * {@code local} wherever a word names a path in it, options' values ({@code -XX:X=/opt/app/f})
   * included.
   */
  public static List<String> localize(List<String> words, String imageDir, Path local) {
    String dir = imageDir.endsWith("/") ? imageDir : imageDir + "/";
    return words.stream().map(w -> w.replace(dir, local.toAbsolutePath() + "/")).toList();
  }

  /** The words of the exec-form ENTRYPOINT, or none. */
  static List<String> words(Path dockerfile) {
    return lines(dockerfile, "ENTRYPOINT ").stream().findFirst().orElse(List.of());
  }

  /** The words of each exec-form {@code instruction} line, in order. */
  private static List<List<String>> lines(Path dockerfile, String instruction) {
    try {
      List<List<String>> lines = new ArrayList<>();
      for (String line : Files.readAllLines(dockerfile)) {
        if (line.startsWith(instruction + "[")) {
          List<String> words = new ArrayList<>();
          Matcher word = WORD.matcher(line);
          while (word.find()) {
            words.add(word.group(1).replaceAll("\\\\(.)", "$1"));
          }
          lines.add(words);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the image's Dockerfile: " + dockerfile, e);
    }
  }
}
