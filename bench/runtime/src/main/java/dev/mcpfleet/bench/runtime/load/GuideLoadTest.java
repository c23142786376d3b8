package dev.mcpfleet.bench.runtime.load;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load test of the MCP best-practices guide: 1,000 requests submitted to a pool of 50 workers,
 * passing when more than 99 % succeed (MCP Fleet's own bar is 100 %). A request succeeds when its
 * answer passes {@link ResponseCheck}.
 *
 * @param requests how many requests (the guide: 1,000)
 * @param workers how many run at once (the guide: 50)
 */
public record GuideLoadTest(int requests, int workers) {

  /** The guide's numbers. */
  public static GuideLoadTest guide() {
    return new GuideLoadTest(1000, 50);
  }

  /** Runs the test against {@code url}. */
  public Outcome run(String url, RequestShape shape, ToolCall call) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    AtomicLong ids = new AtomicLong();
    long started = System.nanoTime();
    List<Future<Call>> calls = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
      for (int i = 0; i < requests; i++) {
        calls.add(pool.submit(() -> call(client, url, shape, call, ids.incrementAndGet())));
      }
    }
    long elapsed = System.nanoTime() - started;
    long[] micros = new long[requests];
    int successes = 0;
    String firstFailure = "";
    for (int i = 0; i < requests; i++) {
      Call done = join(calls.get(i));
      micros[i] = done.micros();
      if (done.problem().isEmpty()) {
        successes++;
      } else if (firstFailure.isEmpty()) {
        firstFailure = done.problem().get();
      }
    }
    Arrays.sort(micros);
    return new Outcome(
        requests,
        successes,
        elapsed / 1_000_000_000.0,
        percentile(micros, 50),
        percentile(micros, 95),
        percentile(micros, 99),
        firstFailure);
  }

  private static Call call(
      HttpClient client, String url, RequestShape shape, ToolCall call, long id) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          client.send(shape.httpRequest(url, call, id), HttpResponse.BodyHandlers.ofString());
      long micros = (System.nanoTime() - started) / 1000;
      return new Call(
          micros, ResponseCheck.problem(response.statusCode(), response.body(), id, call));
    } catch (Exception e) {
      return new Call((System.nanoTime() - started) / 1000, Optional.of(e.toString()));
    }
  }

  private static Call join(Future<Call> call) {
    try {
      return call.get();
    } catch (Exception e) {
      return new Call(0, Optional.of(e.toString()));
    }
  }

  private static long percentile(long[] sorted, int percent) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
  }

  private record Call(long micros, Optional<String> problem) {}

  /**
   * What the test saw.
   *
   * @param seconds wall time of the whole test
   * @param firstFailure the first failed request's problem, or empty
   */
  public record Outcome(
      int requests,
      int successes,
      double seconds,
      long p50Micros,
      long p95Micros,
      long p99Micros,
      String firstFailure) {

    /** Successes as a fraction of requests. */
    public double successRate() {
      return requests == 0 ? 0 : successes / (double) requests;
    }

    /** The guide's bar: more than 99 % succeeded. */
    public boolean passesGuide() {
      return successRate() > 0.99;
    }
  }
}
