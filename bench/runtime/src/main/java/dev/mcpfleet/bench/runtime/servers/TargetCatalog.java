package dev.mcpfleet.bench.runtime.servers;

import dev.mcpfleet.bench.common.ChildProcess;
import dev.mcpfleet.bench.runtime.baseline.FixedAnswerServer;
import dev.mcpfleet.bench.runtime.load.Probe;
import dev.mcpfleet.bench.runtime.load.RequestShape;
import dev.mcpfleet.bench.runtime.load.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The servers of one run, in the order they are measured: the runtime first (its answer to the echo
 * call becomes the fixed-answer server's bytes), then the baselines. Owns the HTTP tool's upstream
 * for the length of the run, and says what it had to leave out.
 */
public final class TargetCatalog implements AutoCloseable {

  private final Launch launch;
  private final Path repo;
  private final List<String> notes = new ArrayList<>();
  private final AtomicReference<String> fixedAnswer =
      new AtomicReference<>(Baselines.cannedAnswer(RequestShape.MODERN, ToolCall.echo()));
  private ChildProcess upstream;

  public TargetCatalog(Launch launch, Path repo) {
    this.launch = launch;
    this.repo = repo;
  }

  /** The selected targets that can run on this machine; {@link #notes} says why others cannot. */
  public List<Target> targets(Predicate<String> selected, Duration timeout) {
    List<Target> targets = new ArrayList<>();
    if (Files.isRegularFile(PodCommand.jar(repo))) {
      notes.add(
          "runtime started with "
              + PodCommand.prepare(repo, launch.runDir().resolve("logs/image-training.log")));
      RuntimeTargets runtime = new RuntimeTargets(launch, repo);
      targets.add(runtime.text());
      targets.add(runtime.textWithLayers());
      if (selected.test("runtime-http")) {
        targets.add(runtime.http(startUpstream(timeout)));
      }
      targets.add(runtime.textFromLauncher());
    } else {
      notes.add(
          "runtime skipped: "
              + PodCommand.jar(repo)
              + " is not built (./mvnw -pl runtime-image -am package)");
    }
    targets.add(Baselines.nettyFixed(launch, RequestShape.MODERN, fixedAnswer::get));
    targets.add(Baselines.javaSdk(launch));
    if (TypeScriptSdk.available()) {
      targets.add(Baselines.typeScriptSdk(launch, TypeScriptSdk.install(typeScriptDir())));
    } else {
      notes.add("typescript-sdk skipped: node and npm are not on the PATH");
    }
    return targets.stream().filter(target -> selected.test(target.name())).toList();
  }

  /** Learns from a started target: the runtime's echo answer, byte for byte, for netty-fixed. */
  public void started(RunningTarget running) {
    if (running.target().name().equals("runtime-text")) {
      long id = 424242;
      Target text = running.target();
      String body = new Probe().rightAnswer(running.url(), text.shape(), text.call(), id);
      fixedAnswer.set(body.replaceFirst("\"id\"\\s*:\\s*" + id, "\"id\":" + RequestShape.ID));
    }
  }

  /** What was left out, and why. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** Where the TypeScript SDK is installed, shared by runs. */
  public static Path typeScriptDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "mcp-fleet-bench-typescript-sdk");
  }

  /** Starts the HTTP tool's fixed-answer upstream, pinned with the servers; returns its URL. */
  private String startUpstream(Duration timeout) {
    int port = ChildProcess.freePort();
    Path answer =
        Baselines.write(
            launch.runDir().resolve("upstream-answer.txt"), RuntimeTargets.UPSTREAM_ANSWER);
    upstream =
        launch.startJava(
            "upstream",
            List.of(),
            FixedAnswerServer.class,
            List.of(Integer.toString(port), answer.toString(), "text/plain; charset=utf-8"));
    upstream.awaitPort(port, timeout);
    return "http://127.0.0.1:" + port + "/weather";
  }

  @Override
  public void close() {
    if (upstream != null) {
      upstream.close();
    }
  }
}
