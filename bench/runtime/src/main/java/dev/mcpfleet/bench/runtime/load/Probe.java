package dev.mcpfleet.bench.runtime.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Repeats one {@link ToolCall} until it is answered right: how the benchmark knows a server is
 * ready, and how it times the start of a process to its first successful call.
 */
public final class Probe {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();
  private long nextId = 1;

  /**
   * Calls until a right answer, the timeout, or {@code alive} turning false.
   *
   * @return the last answer's problem, empty once an answer was right
   */
  public Optional<String> awaitRightAnswer(
      String url, RequestShape shape, ToolCall call, Duration timeout, BooleanSupplier alive) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<String> problem = Optional.of("no answer yet");
    while (System.nanoTime() < deadline && alive.getAsBoolean()) {
      problem = callOnce(url, shape, call);
      if (problem.isEmpty()) {
        return problem;
      }
      pause();
    }
    return problem;
  }

  /** One call; the problem with its answer, or empty when it was right. */
  public Optional<String> callOnce(String url, RequestShape shape, ToolCall call) {
    long id = nextId++;
    try {
      HttpResponse<String> response = send(url, shape, call, id);
      return ResponseCheck.problem(response.statusCode(), response.body(), id, call);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } catch (IOException e) {
      return Optional.of(e.toString());
    }
  }

  /** The body of a right answer with the given id, for servers whose exact answer is needed. */
  public String rightAnswer(String url, RequestShape shape, ToolCall call, long id) {
    try {
      HttpResponse<String> response = send(url, shape, call, id);
      Optional<String> problem =
          ResponseCheck.problem(response.statusCode(), response.body(), id, call);
      if (problem.isPresent()) {
        throw new IllegalStateException("wrong answer from " + url + ": " + problem.get());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(String url, RequestShape shape, ToolCall call, long id)
      throws IOException, InterruptedException {
    return client.send(shape.httpRequest(url, call, id), HttpResponse.BodyHandlers.ofString());
  }

  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
