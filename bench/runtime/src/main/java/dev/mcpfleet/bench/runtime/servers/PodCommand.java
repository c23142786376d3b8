package dev.mcpfleet.bench.runtime.servers;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.bench.common.ImageEntrypoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's command line as the runtime image runs it in a pod, read from the image's
 * Dockerfile ENTRYPOINT so that the benchmark follows the image: the same JVM options, the local
 * jar (same layout as in the image), and the guide's memory limit ({@link Defaults#MEMORY_LIMIT})
 * as the memory the JVM sizes itself for, as it would under that container limit.
 */
public final class PodCommand {

  private PodCommand() {}

  /** {@code java <image options> -XX:MaxRAM=<limit> -jar <repo's runtime jar>}. */
  public static List<String> of(Path repo) {
    List<String> command = new ArrayList<>();
    command.add(Launch.javaBinary());
    command.addAll(ImageEntrypoint.jvmOptions(repo.resolve("runtime-image/Dockerfile")));
    command.add("-XX:MaxRAM=" + Defaults.MEMORY_LIMIT.replace("Mi", "m"));
    command.add("-jar");
    command.add(jar(repo).toString());
    return command;
  }

  /** The runtime jar the build makes (with its lib/ beside it, as in the image). */
  public static Path jar(Path repo) {
    return repo.resolve("runtime-image/target/mcp-fleet-runtime.jar");
  }
}
