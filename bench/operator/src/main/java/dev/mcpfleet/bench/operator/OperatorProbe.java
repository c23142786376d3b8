package dev.mcpfleet.bench.operator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the running operator the way a cluster does: its /readyz and its Prometheus /metrics
 * (the JVM's heap), plus {@code jcmd GC.run} to see the heap it really needs (the live set).
 */
final class OperatorProbe {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int port;
  private final long pid;

  OperatorProbe(int port, long pid) {
    this.port = port;
    this.pid = pid;
  }

  boolean ready() {
    try {
      return get("/readyz").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** Heap in use now: the sum of jvm_memory_used_bytes over the heap's memory pools. */
  long heapUsedBytes() {
    try {
      double used = 0;
      for (String line : get("/metrics").body().split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return (long) used;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Heap in use right after a full collection. */
  long liveHeapBytes() {
    try {
      Process gc =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(pid),
                  "GC.run")
              .redirectErrorStream(true)
              .start();
      gc.getInputStream().readAllBytes();
      gc.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    return heapUsedBytes();
  }

  private HttpResponse<String> get(String path) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
