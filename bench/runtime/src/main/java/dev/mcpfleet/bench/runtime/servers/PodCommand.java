package dev.mcpfleet.bench.runtime.servers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpfleet.api.Defaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime's command line as the runtime image runs it in a pod, read from the image's
 * Dockerfile ENTRYPOINT so that the benchmark follows the image: the same JVM options, the local
 * jar (same layout as in the image), and the guide's memory limit ({@link Defaults#MEMORY_LIMIT})
 * as the memory the JVM sizes itself for, as it would under that container limit.
 */
public final class PodCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PodCommand() {}

  /** {@code java <image options> -XX:MaxRAM=<limit> -jar <repo's runtime jar>}. */
  public static List<String> of(Path repo) {
    Path dockerfile = repo.resolve("runtime-image/Dockerfile");
    List<String> entrypoint = entrypoint(dockerfile);
    int jar = entrypoint.indexOf("-jar");
    if (entrypoint.isEmpty() || !entrypoint.get(0).equals("java") || jar < 0) {
      throw new IllegalStateException(
          dockerfile + ": expected ENTRYPOINT [\"java\", <options>..., \"-jar\", <jar>]");
    }
    List<String> command = new ArrayList<>();
    command.add(Launch.javaBinary());
    command.addAll(entrypoint.subList(1, jar));
    command.add("-XX:MaxRAM=" + Defaults.MEMORY_LIMIT.replace("Mi", "m"));
    command.add("-jar");
    command.add(jar(repo).toString());
    return command;
  }

  /** The runtime jar the build makes (with its lib/ beside it, as in the image). */
  public static Path jar(Path repo) {
    return repo.resolve("runtime-image/target/mcp-fleet-runtime.jar");
  }

  static List<String> entrypoint(Path dockerfile) {
    try {
      for (String line : Files.readAllLines(dockerfile)) {
        if (line.startsWith("ENTRYPOINT ")) {
          String[] words =
              JSON.readValue(line.substring("ENTRYPOINT ".length()).trim(), String[].class);
          return Arrays.asList(words);
        }
      }
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the runtime image's entrypoint: " + dockerfile, e);
    }
  }
}
