package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stdio transport: the upstream runs as a child process; each JSON-RPC message is one line of
 * its stdin or stdout (UTF-8, no embedded newlines); its stderr goes to the runtime's log, line by
 * line. Stopping follows the spec's order: close stdin, wait, SIGTERM, wait, SIGKILL (the process
 * and its descendants, since npx and uvx run the server as a child of their own).
 */
final class StdioTransport implements UpstreamTransport {

  private static final Logger LOG = LoggerFactory.getLogger("dev.mcpfleet.runtime.upstream.stderr");
  private static final Logger OWN_LOG = LoggerFactory.getLogger(StdioTransport.class);

  /** How many stderr lines are kept to explain an exit. */
  static final int STDERR_LINES_KEPT = 5;

  private static final long STOP_WAIT_MILLIS = 2_000;

  private final StdioCommand command;
  private final Path workingDirectory;
  private final Deque<String> lastStderr = new ArrayDeque<>();
  private Process process;
  private OutputStream stdin;
  private volatile boolean closing;

  StdioTransport(StdioCommand command, Path workingDirectory) {
    this.command = command;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public void start(Inbound inbound) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command.command());
    builder.environment().clear();
    builder.environment().putAll(command.environment());
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException(
          "cannot start '" + command.command().getFirst() + "': " + e.getMessage(), e);
    }
    stdin = process.getOutputStream();
    Thread.ofVirtual().name("upstream-stderr").start(this::pipeStderr);
    Thread.ofVirtual().name("upstream-stdout").start(() -> readStdout(inbound));
  }

  private void readStdout(Inbound inbound) {
    eachLine(
        process.getInputStream(),
        line -> {
          JsonNode message;
          try {
            message = Json.MAPPER.readTree(line);
          } catch (IOException e) {
            // Servers that print banners on stdout break the protocol; say so and go on.
            OWN_LOG.warn(
                "upstream wrote a line that is not JSON-RPC on stdout: {}", abbreviate(line));
            return;
          }
          inbound.message(message);
        });
    inbound.closed(exitReason());
  }

  /** Hands each non-blank line of {@code stream} over until it ends. */
  private static void eachLine(InputStream stream, Consumer<String> onLine) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          onLine.accept(line);
        }
      }
    } catch (IOException e) {
      // the stream closed with the process
    }
  }

  private String exitReason() {
    try {
      if (!process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        return "the upstream closed its stdout";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "the upstream closed its stdout";
    }
    if (closing) {
      return "the upstream was stopped";
    }
    String reason = "the upstream process exited with code " + process.exitValue();
    synchronized (lastStderr) {
      if (!lastStderr.isEmpty()) {
        reason += "; its last output: " + String.join(" | ", lastStderr);
      }
    }
    return reason;
  }

  private void pipeStderr() {
    eachLine(
        process.getErrorStream(),
        line -> {
          LOG.info(line);
          synchronized (lastStderr) {
            if (lastStderr.size() == STDERR_LINES_KEPT) {
              lastStderr.removeFirst();
            }
            lastStderr.addLast(abbreviate(line));
          }
        });
  }

  @Override
  public Runnable request(ObjectNode request, Inbound related) throws IOException {
    send(request);
    return () -> {};
  }

  @Override
  public synchronized void send(ObjectNode message) throws IOException {
    if (stdin == null) {
      throw new IOException("the upstream process is not running");
    }
    byte[] line = Json.MAPPER.writeValueAsBytes(message);
    stdin.write(line);
    stdin.write('\n');
    stdin.flush();
  }

  @Override
  public boolean relatesMessages() {
    return false;
  }

  @Override
  public String describe() {
    return command.describe();
  }

  @Override
  public void close() {
    if (closing || process == null) {
      return;
    }
    closing = true;
    try {
      synchronized (this) {
        stdin.close();
      }
    } catch (IOException e) {
      // already closed
    }
    try {
      if (!process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String abbreviate(String line) {
    return line.length() <= 300 ? line : line.substring(0, 300) + "…";
  }
}
