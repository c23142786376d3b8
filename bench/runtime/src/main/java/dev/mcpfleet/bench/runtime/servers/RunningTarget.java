package dev.mcpfleet.bench.runtime.servers;

import dev.mcpfleet.bench.common.ChildProcess;
import dev.mcpfleet.bench.runtime.load.Probe;
import java.time.Duration;
import java.util.Optional;

/**
 * A target whose process is up and has answered one call right.
 *
 * @param startMillis from process start to the first right answer
 */
public record RunningTarget(Target target, ChildProcess process, int port, double startMillis)
    implements AutoCloseable {

  /** Starts {@code target} and waits for its first right answer. */
  public static RunningTarget start(Target target, Duration timeout) {
    int port = ChildProcess.freePort();
    long started = System.nanoTime();
    ChildProcess process = target.starter().start(port);
    Optional<String> problem =
        new Probe()
            .awaitRightAnswer(
                Target.url(port), target.shape(), target.call(), timeout, process::isAlive);
    double millis = (System.nanoTime() - started) / 1e6;
    if (problem.isPresent()) {
      String tail = process.tail();
      process.close();
      throw new IllegalStateException(
          target.name() + " gave no right answer within " + timeout + ": " + problem.get() + tail);
    }
    return new RunningTarget(target, process, port, millis);
  }

  public String url() {
    return Target.url(port);
  }

  @Override
  public void close() {
    process.close();
  }
}
