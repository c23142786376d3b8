package dev.mcpfleet.runtime.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.http.client.HttpCallException.Reason;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpstreamHttpClientTest {

  private TestUpstream upstream;
  private UpstreamHttpClient client;

  @BeforeEach
  void start() throws Exception {
    upstream = new TestUpstream();
    client = new UpstreamHttpClient(ClientSettings.defaults());
  }

  @AfterEach
  void stop() {
    client.close();
    upstream.close();
  }

  static UpstreamRequest get(String url) {
    return request("GET", url, Duration.ofSeconds(5));
  }

  static UpstreamRequest request(String method, String url, Duration timeout) {
    return new UpstreamRequest(
        method, URI.create(url), UpstreamRequest.newHeaders(), null, timeout);
  }

  static String body(UpstreamResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void sequentialCallsShareOneKeepAliveConnection() throws Exception {
    upstream.route("/a", TestUpstream.text(200, "hello"));

    for (int i = 0; i < 20; i++) {
      assertThat(body(client.send(get(upstream.url("/a"))))).isEqualTo("hello");
    }

    assertThat(upstream.accepted()).isEqualTo(1);
    assertThat(client.openConnections(URI.create(upstream.url("/")))).isEqualTo(1);
  }

  @Test
  void manyConcurrentCallsEachGetTheirOwnAnswerOverAtMostThePoolsConnections() throws Exception {
    client.close();
    client = new UpstreamHttpClient(ClientSettings.defaults().maxConnectionsPerHost(8));
    upstream.route("/echo", TestUpstream.echoQuery());
    List<Future<String>> answers = new ArrayList<>();

    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 500; i++) {
        String n = Integer.toString(i);
        answers.add(callers.submit(() -> body(client.send(get(upstream.url("/echo?n=" + n))))));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).isEqualTo("n=" + i);
      }
    }

    assertThat(upstream.accepted()).isBetween(1, 8);
  }

  @Test
  void callsBeyondThePoolWaitForAConnectionAndFailWhenNoneComesFreeInTime() throws Exception {
    client.close();
    client = new UpstreamHttpClient(ClientSettings.defaults().maxConnectionsPerHost(1));
    upstream.route("/slow", TestUpstream.slow(1000, "late"));
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<UpstreamResponse> first =
          callers.submit(() -> client.send(get(upstream.url("/slow"))));
      await().until(() -> upstream.accepted() == 1);

      assertThatThrownBy(
              () -> client.send(request("GET", upstream.url("/slow"), Duration.ofMillis(100))))
          .isInstanceOf(HttpCallException.class)
          .hasMessageContaining("all 1 connections to http://127.0.0.1:")
          .extracting(e -> ((HttpCallException) e).reason())
          .isEqualTo(Reason.BUSY);
      assertThat(body(first.get())).isEqualTo("late");
    }
    assertThat(upstream.accepted()).isEqualTo(1);
  }

  @Test
  void callsBeyondTheLineOfWaitingCallsFailAtOnce() throws Exception {
    client.close();
    ClientSettings d = ClientSettings.defaults();
    client =
        new UpstreamHttpClient(
            new ClientSettings(
                d.connectTimeout(),
                1,
                1,
                d.idleTimeout(),
                d.maxHeaderBytes(),
                d.maxResponseBytes(),
                null));
    upstream.route("/slow", TestUpstream.slow(1500, "late"));
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<UpstreamResponse> first =
          callers.submit(() -> client.send(get(upstream.url("/slow"))));
      await().until(() -> upstream.accepted() == 1);
      Future<UpstreamResponse> waiting =
          callers.submit(() -> client.send(get(upstream.url("/slow"))));

      // Once the second call holds the one place in line, a third is refused without waiting.
      await()
          .untilAsserted(
              () ->
                  assertThatThrownBy(
                          () ->
                              client.send(
                                  request("GET", upstream.url("/slow"), Duration.ofMillis(50))))
                      .isInstanceOf(HttpCallException.class)
                      .hasMessageEndingWith("were busy and the line for one was full (1 waiting)")
                      .extracting(e -> ((HttpCallException) e).reason())
                      .isEqualTo(Reason.BUSY));
      assertThat(body(first.get())).isEqualTo("late");
      assertThat(body(waiting.get())).isEqualTo("late");
    }
    assertThat(upstream.accepted()).isEqualTo(1);
  }

  @Test
  void anAnswerThatSaysConnectionCloseIsNotPooled() throws Exception {
    upstream.route("/bye", TestUpstream.closing("bye"));

    assertThat(body(client.send(get(upstream.url("/bye"))))).isEqualTo("bye");
    assertThat(body(client.send(get(upstream.url("/bye"))))).isEqualTo("bye");

    assertThat(upstream.accepted()).isEqualTo(2);
    await().until(() -> client.openConnections(URI.create(upstream.url("/"))) == 0);
  }

  @Test
  void anIdempotentRequestThatAReusedConnectionDroppedIsSentAgainOnAFreshOne() throws Exception {
    upstream.route("/flaky", TestUpstream.dropsReusedConnections("fine"));
    client.send(get(upstream.url("/flaky")));

    UpstreamResponse second = client.send(get(upstream.url("/flaky")));

    assertThat(body(second)).isEqualTo("fine");
    assertThat(upstream.accepted()).isEqualTo(2);
  }

  @Test
  void theRetryNeverGoesToAnotherConnectionThatServedBefore() throws Exception {
    upstream
        .route("/slow", TestUpstream.slow(300, "warm"))
        .route("/flaky", TestUpstream.dropsReusedConnections("fine"));
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<UpstreamResponse> one = callers.submit(() -> client.send(get(upstream.url("/slow"))));
      Future<UpstreamResponse> two = callers.submit(() -> client.send(get(upstream.url("/slow"))));
      one.get();
      two.get();
    }
    assertThat(upstream.accepted()).isEqualTo(2); // two pooled connections, each served once

    UpstreamResponse answer = client.send(get(upstream.url("/flaky")));

    assertThat(body(answer)).isEqualTo("fine");
    assertThat(upstream.accepted()).isEqualTo(3);
  }

  @Test
  void aPostThatAReusedConnectionDroppedIsNotSentAgain() throws Exception {
    upstream.route("/flaky", TestUpstream.dropsReusedConnections("fine"));
    client.send(request("POST", upstream.url("/flaky"), Duration.ofSeconds(5)));

    assertThatThrownBy(
            () -> client.send(request("POST", upstream.url("/flaky"), Duration.ofSeconds(5))))
        .isInstanceOf(HttpCallException.class)
        .hasMessage("closed the connection without answering");
    assertThat(upstream.accepted()).isEqualTo(1);
  }

  @Test
  void anInterruptedCallClosesItsConnection() throws Exception {
    upstream.route("/slow", TestUpstream.slow(5000, "late"));
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    client.send(get(upstream.url("/slow")));
                  } catch (Exception e) {
                    // expected: interrupted
                  }
                });
    await().until(() -> upstream.open() == 1);

    caller.interrupt();

    await().until(() -> upstream.open() == 0);
    assertThat(client.openConnections(URI.create(upstream.url("/")))).isZero();
  }

  @Test
  void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
    client.close();
    client = new UpstreamHttpClient(ClientSettings.defaults().idleTimeout(Duration.ofMillis(200)));
    upstream.route("/a", TestUpstream.text(200, "ok"));
    client.send(get(upstream.url("/a")));

    await().atMost(Duration.ofSeconds(5)).until(() -> upstream.open() == 0);
  }

  @Test
  void failuresToConnectSayWhy() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> client.send(get("http://127.0.0.1:" + closedPort + "/")))
        .extracting(e -> ((HttpCallException) e).reason())
        .isEqualTo(Reason.REFUSED);
    assertThatThrownBy(() -> client.send(get("http://no-such-host.invalid/")))
        .hasMessage("has a host name that does not resolve")
        .extracting(e -> ((HttpCallException) e).reason())
        .isEqualTo(Reason.UNKNOWN_HOST);
  }

  @Test
  void headersThatFrameTheMessageAreTheClientsAlone() {
    for (String owned : List.of("Content-Length", "Transfer-Encoding", "Host", "Connection")) {
      UpstreamRequest request = get(upstream.url("/a"));
      request.headers().add(owned, "1");

      assertThatThrownBy(() -> client.send(request))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the header '" + owned + "' is set by MCP Fleet's HTTP client; remove it");
    }
    assertThat(upstream.accepted()).isZero();
  }

  @Test
  void onServerStopTheClientClosesItsConnectionsWhileTheServersLoopsStillRun() throws Exception {
    TestServer server = TestServer.start(TestServer.tools());
    client.runOn(server.runtime().eventLoops());
    server.runtime().closeOnStop(client);
    upstream.route("/a", TestUpstream.text(200, "ok"));
    assertThat(body(client.send(get(upstream.url("/a"))))).isEqualTo("ok");
    assertThat(upstream.open()).isEqualTo(1);

    server.close();

    await().until(() -> upstream.open() == 0);
    assertThatThrownBy(() -> client.send(get(upstream.url("/a"))))
        .isInstanceOf(HttpCallException.class)
        .hasMessage("could not be sent: the runtime is stopping");
  }
}
