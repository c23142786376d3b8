package dev.mcpfleet.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A server or tool that a benchmark starts as its own process, so that its CPU and memory can be
 * measured apart from the harness. Output goes to a log file whose tail is shown when something
 * fails; closing it ends the process and every descendant.
 */
public final class ChildProcess implements AutoCloseable {

  /** Children still running, ended when the harness exits, however it exits. */
  private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> List.copyOf(LIVE).forEach(ChildProcess::close), "end-children"));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code workDir} with extra environment; output to {@code log}. */
  public static ChildProcess start(
      String name, List<String> command, Path workDir, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      ChildProcess child = new ChildProcess(name, builder.start(), log);
      LIVE.add(child);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  /**
   * The command that runs {@code main} in a new JVM like this one: the same java and class path.
   */
  public static List<String> javaCommand(
      List<String> jvmOptions, Class<?> main, List<String> arguments) {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(arguments);
    return command;
  }

  /** A port that was free a moment ago, for servers that must be told their port. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until 127.0.0.1:{@code port} accepts connections. */
  public void awaitPort(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + tail());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(10));
      }
    }
    throw new IllegalStateException(
        name + " did not listen on " + port + " in " + timeout + tail());
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The log written so far. */
  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** The last lines of the log, for error messages. */
  public String tail() {
    List<String> lines = output().lines().toList();
    return "\n--- last output of "
        + name
        + " ("
        + log
        + "):\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  @Override
  public void close() {
    LIVE.remove(this);
    List<ProcessHandle> descendants =
        process.descendants().sorted(Comparator.comparingLong(ProcessHandle::pid)).toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
