package dev.mcpfleet.bench.runtime.servers;

import dev.mcpfleet.api.Defaults;
import dev.mcpfleet.bench.common.ImageEntrypoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's command line as the runtime image runs it in a pod, read from the image's
 * Dockerfile ENTRYPOINT so that the benchmark follows the image: the same JVM options, the local
 * jar (same layout as in the image, the image's directory mapped to the build's target/), and the
 * guide's memory limit ({@link Defaults#MEMORY_LIMIT}) as the memory the JVM sizes itself for, as
 * it would under that container limit. The image build's training run of the JVM's start-up cache
 * is run the same way ({@link #prepare}).
 */
public final class PodCommand {

  private PodCommand() {}

  /** {@code java <image options> -XX:MaxRAM=<limit> -jar <repo's runtime jar>}. */
  public static List<String> of(Path repo) {
    List<String> command = new ArrayList<>();
    command.add(Launch.javaBinary());
    command.addAll(local(repo, ImageEntrypoint.jvmOptions(dockerfile(repo))));
    command.add("-XX:MaxRAM=" + Defaults.MEMORY_LIMIT.replace("Mi", "m"));
    command.add("-jar");
    command.add(jar(repo).toString());
    return command;
  }

  /**
   * Runs the image build's training run on the local jar (as {@code docker build} runs it in the
   * image) unless its cache is newer than the jar; returns what it did, for the report.
   */
  public static String prepare(Path repo, Path log) {
    List<String> training = local(repo, ImageEntrypoint.trainingRun(dockerfile(repo)));
    if (training.isEmpty()) {
      return "the image has no start-up cache";
    }
    Path cache =
        Path.of(
            training.stream()
                .filter(w -> w.startsWith("-XX:AOTCacheOutput="))
                .findFirst()
                .orElseThrow()
                .substring("-XX:AOTCacheOutput=".length()));
    try {
      if (Files.exists(cache)
          && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar(repo))) > 0) {
        return "the image's start-up cache " + cache.getFileName() + " (made earlier for this jar)";
      }
      // Written under another name and moved into place, as ./mcp-fleet does: a runtime started
      // from the cache meanwhile (the launcher uses the same file) never maps half a cache.
      Path partial =
          cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid());
      List<String> command = new ArrayList<>();
      command.add(Launch.javaBinary());
      training.stream()
          .skip(1)
          .map(w -> w.startsWith("-XX:AOTCacheOutput=") ? "-XX:AOTCacheOutput=" + partial : w)
          .forEach(command::add);
      Files.createDirectories(log.getParent());
      Process run =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!run.waitFor(10, TimeUnit.MINUTES) || run.exitValue() != 0) {
        run.destroyForcibly();
        Files.deleteIfExists(partial);
        throw new IllegalStateException(
            "the image's training run failed (see " + log + "): " + String.join(" ", command));
      }
      Files.move(
          partial, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return "the image's start-up cache " + cache.getFileName() + ", made by its training run";
    } catch (IOException e) {
      throw new IllegalStateException("cannot run the image's training run: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The runtime jar the build makes (with its lib/ beside it, as in the image). */
  public static Path jar(Path repo) {
    return repo.resolve("runtime-image/target/mcp-fleet-runtime.jar");
  }

  private static Path dockerfile(Path repo) {
    return repo.resolve("runtime-image/Dockerfile");
  }

  /** Words of the Dockerfile with the image's directory of the jar mapped to the local one. */
  private static List<String> local(Path repo, List<String> words) {
    String imageJar = ImageEntrypoint.jar(dockerfile(repo));
    String imageDir = imageJar.substring(0, imageJar.lastIndexOf('/'));
    return ImageEntrypoint.localize(words, imageDir, jar(repo).getParent());
  }
}
