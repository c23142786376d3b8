package dev.mcpfleet.runtime.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server (the Debian package) on a free loopback port, started and stopped by a test.
 * Tests skip, saying why, where the binary is missing ({@code .ci/run} installs it).
 */
public final class RedisServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path dir;

  private RedisServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Starts redis-server, or skips the test when it is not installed. */
  public static RedisServer start() throws Exception {
    String binary = binary();
    Assumptions.assumeTrue(
        binary != null,
        "redis-server is not installed (apt-get install redis-server; .ci/run does it):"
            + " skipping the shared Redis level tests");
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path dir = Files.createTempDirectory("redis");
    Process process =
        new ProcessBuilder(
                binary,
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    RedisServer server = new RedisServer(process, port, dir);
    server.awaitListening();
    return server;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops Redis abruptly, as an outage would. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitListening() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(
        "redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
  }

  private static String binary() {
    for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return null;
  }

  @Override
  public void close() {
    kill();
  }
}
