package dev.mcpfleet.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime started as its own process, the way a container starts it: a command line, an
 * environment, and nothing else. Ready once it prints its MCP endpoint; closing it sends SIGTERM.
 */
public final class RuntimeProcess implements AutoCloseable {

  // The line serve prints once it listens: "  MCP endpoint  http://127.0.0.1:41234/mcp ...".
  private static final Pattern ENDPOINT =
      Pattern.compile("^\\s+MCP endpoint\\s+https?://(?:\\[[^]]+]|[^/:]+):(\\d+)(/\\S*)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final URI mcpUrl;

  private RuntimeProcess(List<String> command, Map<String, String> env, Path workDir) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.directory(workDir.toFile());
    // Only what the pod would get: drop this JVM's environment except what a JVM needs to run.
    Map<String, String> environment = builder.environment();
    environment.keySet().retainAll(List.of("PATH", "HOME", "TMPDIR", "LANG"));
    environment.putAll(env);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> read(endpoint));
    try {
      mcpUrl = endpoint.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IllegalStateException(
          "the runtime did not start; its output:\n" + String.join("\n", output), e);
    }
  }

  /** Starts {@code command} with exactly {@code env} (plus PATH and HOME) in {@code workDir}. */
  public static RuntimeProcess start(List<String> command, Map<String, String> env, Path workDir) {
    return new RuntimeProcess(command, env, workDir);
  }

  /** The MCP endpoint the runtime printed, e.g. http://127.0.0.1:41234/mcp. */
  public URI mcpUrl() {
    return mcpUrl;
  }

  /** The base URL (scheme, host, port) for /health, /ready and /metrics. */
  public URI baseUrl() {
    return mcpUrl.resolve("/");
  }

  public List<String> output() {
    return List.copyOf(output);
  }

  private void read(CompletableFuture<URI> endpoint) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        Matcher m = ENDPOINT.matcher(line);
        if (m.find()) {
          // Whatever address it bound (0.0.0.0, [::]), a local client connects over loopback.
          endpoint.complete(URI.create("http://127.0.0.1:" + m.group(1) + m.group(2)));
        }
      }
      endpoint.completeExceptionally(new IllegalStateException("exited: " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      endpoint.completeExceptionally(e);
    }
  }

  /**
   * Sends SIGTERM, as the kubelet does when a pod stops, and waits up to {@code within} for the
   * process to end.
   *
   * @return its exit code, or empty when it was still running after {@code within}
   */
  public java.util.OptionalInt terminate(Duration within) throws InterruptedException {
    process.destroy();
    return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)
        ? java.util.OptionalInt.of(process.exitValue())
        : java.util.OptionalInt.empty();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
