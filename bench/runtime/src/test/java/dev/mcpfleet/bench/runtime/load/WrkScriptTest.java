package dev.mcpfleet.bench.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpfleet.bench.runtime.baseline.FixedAnswerServer;
import dev.mcpfleet.bench.runtime.servers.Baselines;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wrk script checks every answer: right answers are counted as checked, and each kind of wrong
 * answer is counted as an error of its kind, never as a success. Runs wrk for a second per case.
 */
class WrkScriptTest {

  private static final ToolCall ECHO = ToolCall.echo();

  @TempDir Path dir;

  @BeforeAll
  static void wrkIsInstalled() {
    assumeTrue(Wrk.installed(), "wrk is not installed (apt-get install wrk; .ci/run does it)");
  }

  @Test
  void rightAnswersAreAllCheckedAndCounted() throws Exception {
    LoadFigures figures =
        load(Baselines.cannedAnswer(RequestShape.MODERN, ECHO), HttpResponseStatus.OK);

    assertThat(figures.requests()).isPositive();
    assertThat(figures.checked()).isEqualTo(figures.requests());
    assertThat(figures.errors()).isZero();
    assertThat(figures.everyAnswerChecked()).isTrue();
    assertThat(figures.p99Micros()).isPositive();
  }

  @Test
  void jsonRpcErrorsAreWrongResults() throws Exception {
    LoadFigures figures =
        load(
            "{\"jsonrpc\":\"2.0\",\"id\":{{id}},\"error\":{\"code\":-32602,\"message\":\"x\"}}",
            HttpResponseStatus.OK);

    assertThat(figures.checked()).isZero();
    assertThat(figures.badResult()).isEqualTo(figures.requests()).isPositive();
    assertThat(figures.firstFailure()).contains("-32602");
  }

  @Test
  void toolErrorsAreWrongResults() throws Exception {
    LoadFigures figures =
        load(
            Baselines.cannedAnswer(RequestShape.LEGACY, ECHO).replace("false", "true"),
            HttpResponseStatus.OK);

    assertThat(figures.checked()).isZero();
    assertThat(figures.badResult()).isEqualTo(figures.requests()).isPositive();
  }

  @Test
  void answersWithoutTheExpectedTextAreWrongResults() throws Exception {
    LoadFigures figures =
        load(
            Baselines.cannedAnswer(RequestShape.MODERN, ECHO).replace("hello", "bye"),
            HttpResponseStatus.OK);

    assertThat(figures.checked()).isZero();
    assertThat(figures.badResult()).isEqualTo(figures.requests()).isPositive();
  }

  @Test
  void answersToNoRequestInFlightAreWrongIds() throws Exception {
    LoadFigures figures =
        load(
            Baselines.cannedAnswer(RequestShape.MODERN, ECHO).replace(RequestShape.ID, "7"),
            HttpResponseStatus.OK);

    assertThat(figures.checked()).isZero();
    assertThat(figures.badId()).isEqualTo(figures.requests()).isPositive();
  }

  @Test
  void statusesOtherThan200AreCounted() throws Exception {
    LoadFigures figures =
        load(
            Baselines.cannedAnswer(RequestShape.MODERN, ECHO),
            HttpResponseStatus.TOO_MANY_REQUESTS);

    assertThat(figures.checked()).isZero();
    assertThat(figures.badStatus()).isEqualTo(figures.requests()).isPositive();
    assertThat(figures.firstFailure()).contains("HTTP 429");
  }

  private LoadFigures load(String answer, HttpResponseStatus status) throws Exception {
    try (FixedAnswerServer server =
        FixedAnswerServer.start(0, answer, "application/json", status)) {
      Wrk wrk = new Wrk(dir, List.of(), 2);
      return wrk.run(
              "http://127.0.0.1:" + server.port() + "/mcp",
              RequestShape.MODERN,
              ECHO,
              4,
              Duration.ofSeconds(1))
          .figures();
    }
  }
}
