package dev.mcpfleet.bench.runtime.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpfleet.bench.common.ProcessStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: wrk (Debian package {@code wrk}) driven by the benchmark's Lua script, which
 * checks every answer. One instance per run directory; each {@link #run} is time-bounded.
 *
 * @param workDir where the script and request files are written
 * @param prefix what runs wrk, e.g. {@code taskset -c 0} to keep it off the server's CPU
 * @param threads wrk threads (at most the connections of a run)
 */
public record Wrk(Path workDir, List<String> prefix, int threads) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "MCPBENCH ";
  private static final String SCRIPT = "/dev/mcpfleet/bench/runtime/mcp-call.lua";

  public Wrk {
    prefix = List.copyOf(prefix);
  }

  /** Whether wrk is on the PATH. */
  public static boolean installed() {
    try {
      Process probe = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      probe.waitFor(10, TimeUnit.SECONDS);
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * What one run measured, and how busy the generator itself was: a generator near 1.0 core per CPU
   * it has is the bottleneck, and the server's figure is a lower bound.
   *
   * @param generatorCores wrk's CPU time over the run's wall time
   */
  public record Result(LoadFigures figures, double generatorCores) {}

  /** Sends {@code call} in {@code shape} to {@code url} over {@code connections} for a while. */
  public Result run(
      String url, RequestShape shape, ToolCall call, int connections, Duration duration) {
    try {
      Files.createDirectories(workDir);
      Path script = workDir.resolve("mcp-call.lua");
      try (InputStream lua =
          Objects.requireNonNull(Wrk.class.getResourceAsStream(SCRIPT), SCRIPT)) {
        Files.write(script, lua.readAllBytes());
      }
      Path request = workDir.resolve("request-" + shape.name().toLowerCase() + "-" + call.tool());
      Files.writeString(request, shape.requestTemplate(call));
      List<String> command = new ArrayList<>(prefix);
      command.addAll(
          List.of(
              "wrk",
              "-t",
              Integer.toString(Math.max(1, Math.min(threads, connections))),
              "-c",
              Integer.toString(connections),
              "-d",
              Math.max(1, duration.toSeconds()) + "s",
              "--timeout",
              "5s",
              "-s",
              script.toString(),
              url,
              "--",
              request.toString(),
              call.expectedText()));
      Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
      long started = System.nanoTime();
      double[] cores = {0};
      Thread sampler =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (wrk.isAlive()) {
                      ProcessStats stats = ProcessStats.of(wrk.pid());
                      double seconds = (System.nanoTime() - started) / 1e9;
                      if (stats.cpuTicks() > 0) {
                        cores[0] =
                            stats.cpuTicks() / (double) ProcessStats.TICKS_PER_SECOND / seconds;
                      }
                      pause();
                    }
                  });
      String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
        throw new IllegalStateException("wrk failed: " + String.join(" ", command) + "\n" + output);
      }
      sampler.join();
      LoadFigures figures =
          output
              .lines()
              .filter(line -> line.startsWith(MARKER))
              .findFirst()
              .map(line -> parse(line.substring(MARKER.length())))
              .orElseThrow(
                  () ->
                      new IllegalStateException("wrk printed no figures; its output:\n" + output));
      return new Result(figures, cores[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static LoadFigures parse(String json) {
    try {
      return JSON.readValue(json, LoadFigures.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable figures from the wrk script: " + json, e);
    }
  }
}
