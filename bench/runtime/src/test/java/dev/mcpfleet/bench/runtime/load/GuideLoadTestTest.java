package dev.mcpfleet.bench.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.bench.runtime.baseline.FixedAnswerServer;
import dev.mcpfleet.bench.runtime.baseline.JavaSdkEchoServer;
import dev.mcpfleet.bench.runtime.servers.Baselines;
import org.junit.jupiter.api.Test;

/** The guide's load test counts a request as a success only when its answer is right. */
class GuideLoadTestTest {

  @Test
  void everyRightAnswerOfTheOfficialJavaSdkServerSucceeds() throws Exception {
    try (JavaSdkEchoServer server = JavaSdkEchoServer.start(0)) {
      GuideLoadTest.Outcome outcome =
          GuideLoadTest.guide()
              .run(
                  "http://127.0.0.1:" + server.port() + "/mcp",
                  RequestShape.LEGACY,
                  ToolCall.echo());

      assertThat(outcome.requests()).isEqualTo(1000);
      assertThat(outcome.successes()).as(outcome.firstFailure()).isEqualTo(1000);
      assertThat(outcome.passesGuide()).isTrue();
    }
  }

  @Test
  void wrongAnswersFailTheGuideBar() throws Exception {
    String wrongText =
        Baselines.cannedAnswer(RequestShape.MODERN, ToolCall.echo()).replace("hello", "bye");
    try (FixedAnswerServer server = FixedAnswerServer.start(0, wrongText, "application/json")) {
      GuideLoadTest.Outcome outcome =
          new GuideLoadTest(100, 10)
              .run(
                  "http://127.0.0.1:" + server.port() + "/mcp",
                  RequestShape.MODERN,
                  ToolCall.echo());

      assertThat(outcome.successes()).isZero();
      assertThat(outcome.passesGuide()).isFalse();
      assertThat(outcome.firstFailure()).contains("no text block");
    }
  }
}
