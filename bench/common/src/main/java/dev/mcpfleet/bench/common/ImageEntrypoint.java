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

  /** The words of the exec-form ENTRYPOINT, or none. */
  static List<String> words(Path dockerfile) {
    try {
      for (String line : Files.readAllLines(dockerfile)) {
        if (line.startsWith("ENTRYPOINT ")) {
          List<String> words = new ArrayList<>();
          Matcher word = WORD.matcher(line);
          while (word.find()) {
            words.add(word.group(1).replaceAll("\\\\(.)", "$1"));
          }
          return words;
        }
      }
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the image's entrypoint: " + dockerfile, e);
    }
  }
}
