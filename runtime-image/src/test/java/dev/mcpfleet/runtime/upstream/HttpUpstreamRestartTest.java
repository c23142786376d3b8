package dev.mcpfleet.runtime.upstream;

import static dev.mcpfleet.runtime.upstream.UpstreamFixture.call;
import static dev.mcpfleet.runtime.upstream.UpstreamFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.TestServer;
import dev.mcpfleet.runtime.node.NodeHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sidecar that goes away and comes back, as a restarted container does. */
class HttpUpstreamRestartTest {

  @Test
  void aSidecarThatStopsMakesTheRuntimeUnreadyUntilItIsBackWithANewSession() throws Exception {
    NodeHarness node = UpstreamFixture.node();
    UpstreamFixture.HttpUpstream first = UpstreamFixture.HttpUpstream.start(node, 0, null);
    int port = first.port();
    try (FrontingServer server =
        FrontingServer.start(UpstreamFixture.httpManifest(port, ""), Map.of())
            .awaitReady(Duration.ofMinutes(1))) {
      TestServer client = server.raw();
      assertThat(text(call(client, "echo", "{'message':'one'}"))).isEqualTo("echo: one");

      first.close();
      String down = text(call(client, "echo", "{'message':'two'}"));

      assertThat(down).startsWith("UPSTREAM_UNAVAILABLE").contains("cannot reach the upstream");
      await().atMost(Duration.ofSeconds(10)).until(() -> server.get("/ready").statusCode() == 503);
      try (UpstreamFixture.HttpUpstream second =
          UpstreamFixture.HttpUpstream.start(node, port, null)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> server.get("/ready").statusCode() == 200);
        assertThat(text(call(client, "echo", "{'message':'three'}"))).isEqualTo("echo: three");
      }
    }
  }
}
