package dev.mcpfleet.runtime.http.client;

import static dev.mcpfleet.runtime.http.client.UpstreamHttpClientTest.body;
import static dev.mcpfleet.runtime.http.client.UpstreamHttpClientTest.get;
import static dev.mcpfleet.runtime.http.client.UpstreamHttpClientTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.http.client.HttpCallException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client makes of answers (sizes, framings, cuts, delays) and how it writes headers. */
class UpstreamAnswersTest {

  private TestUpstream upstream;
  private UpstreamHttpClient client;

  @BeforeEach
  void start() throws Exception {
    upstream = new TestUpstream();
    client = new UpstreamHttpClient(ClientSettings.defaults().maxResponseBytes(100_000));
  }

  @AfterEach
  void stop() {
    client.close();
    upstream.close();
  }

  @Test
  void answersWithAContentLengthOrChunkedAreReadWholeUpToTheCap() throws Exception {
    upstream
        .route("/declared", TestUpstream.large(100_000, false))
        .route("/chunked", TestUpstream.large(100_000, true));

    for (String path : List.of("/declared", "/chunked", "/declared", "/chunked")) {
      assertThat(client.send(get(upstream.url(path))).body()).hasSize(100_000);
    }
    assertThat(upstream.accepted()).isEqualTo(1);
  }

  @Test
  void anAnswerLargerThanTheCapFailsAndItsConnectionIsClosed() throws Exception {
    upstream
        .route("/declared", TestUpstream.large(300_000, false))
        .route("/chunked", TestUpstream.large(300_000, true))
        .route("/a", TestUpstream.text(200, "ok"));

    for (String path : List.of("/declared", "/chunked")) {
      assertThatThrownBy(() -> client.send(get(upstream.url(path))))
          .isInstanceOf(HttpCallException.class)
          .hasMessage("answered more than 100000 bytes, the most read of an answer")
          .extracting(e -> ((HttpCallException) e).reason())
          .isEqualTo(Reason.TOO_LARGE);
    }
    await().until(() -> upstream.open() == 0);
    assertThat(body(client.send(get(upstream.url("/a"))))).isEqualTo("ok");
  }

  @Test
  void aConnectionClosedMidAnswerFailsTheCallAndIsNotReused() throws Exception {
    upstream
        .route("/cut", TestUpstream.cutShort(1000, 10))
        .route("/a", TestUpstream.text(200, "ok"));

    assertThatThrownBy(() -> client.send(get(upstream.url("/cut"))))
        .isInstanceOf(HttpCallException.class)
        .hasMessage("closed the connection before the answer was complete")
        .extracting(e -> ((HttpCallException) e).reason())
        .isEqualTo(Reason.CLOSED);
    assertThat(body(client.send(get(upstream.url("/a"))))).isEqualTo("ok");
    assertThat(upstream.accepted()).isEqualTo(2);
  }

  @Test
  void aSlowAnswerTimesOutAndItsConnectionIsClosed() throws Exception {
    upstream.route("/slow", TestUpstream.slow(2000, "late"));

    assertThatThrownBy(
            () -> client.send(request("GET", upstream.url("/slow"), Duration.ofMillis(150))))
        .isInstanceOf(HttpCallException.class)
        .hasMessage("did not answer within 150 ms")
        .extracting(e -> ((HttpCallException) e).reason())
        .isEqualTo(Reason.TIMEOUT);
    await().until(() -> upstream.open() == 0);
  }

  @Test
  void aHeadAnswerHasNoBodyWhateverItsLengthSaysAndKeepsTheConnection() throws Exception {
    upstream.route("/a", TestUpstream.text(200, "a body HEAD never gets"));

    UpstreamResponse head = client.send(request("HEAD", upstream.url("/a"), Duration.ofSeconds(5)));
    UpstreamResponse next = client.send(get(upstream.url("/a")));

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(body(next)).isEqualTo("a body HEAD never gets");
    assertThat(upstream.accepted()).isEqualTo(1);
  }

  @Test
  void headerValuesBeyondAsciiAreSentAsTheirUtf8Bytes() throws Exception {
    try (RawUpstream raw = new RawUpstream()) {
      UpstreamRequest request = get(raw.url("/city"));
      request.headers().add("X-City", "São Paulo, Zürich, 東京 €");

      assertThat(body(client.send(request))).isEqualTo("ok");

      assertThat(raw.headerBytes("X-City"))
          .isEqualTo("São Paulo, Zürich, 東京 €".getBytes(StandardCharsets.UTF_8));
      assertThat(new String(raw.headerBytes("Host"), StandardCharsets.US_ASCII))
          .startsWith("127.0.0.1:");
    }
  }

  @Test
  void headerValuesCannotSplitTheRequest() {
    UpstreamRequest request = get(upstream.url("/a"));

    assertThatThrownBy(() -> request.headers().add("X-City", "Oslo\r\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request.headers().add("X-City", "Oslo\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
