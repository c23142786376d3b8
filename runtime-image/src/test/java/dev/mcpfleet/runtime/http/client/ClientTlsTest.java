package dev.mcpfleet.runtime.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.runtime.http.client.HttpCallException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientTlsTest {

  @TempDir Path dir;

  private static UpstreamRequest get(String url) {
    return new UpstreamRequest(
        "GET", URI.create(url), UpstreamRequest.newHeaders(), null, Duration.ofSeconds(5));
  }

  @Test
  void anHttpsUpstreamWithATrustedCertificateForItsAddressAnswersOverOnePooledConnection()
      throws Exception {
    TestCertificates certificate = TestCertificates.create(dir, "ip:127.0.0.1,dns:localhost");
    try (TestUpstream upstream = new TestUpstream(certificate.serverContext());
        UpstreamHttpClient client =
            new UpstreamHttpClient(ClientSettings.defaults().trusting(certificate.trust()))) {
      upstream.route("/a", TestUpstream.text(200, "secret weather"));

      UpstreamResponse first = client.send(get(upstream.url("/a")));
      UpstreamResponse second = client.send(get(upstream.url("/a")));

      assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("secret weather");
      assertThat(second.status()).isEqualTo(200);
      assertThat(upstream.accepted()).isEqualTo(1);
    }
  }

  @Test
  void aCertificateIssuedForAnotherHostIsRefusedEvenWhenTrusted() throws Exception {
    TestCertificates certificate = TestCertificates.create(dir, "dns:elsewhere.example.com");
    try (TestUpstream upstream = new TestUpstream(certificate.serverContext());
        UpstreamHttpClient client =
            new UpstreamHttpClient(ClientSettings.defaults().trusting(certificate.trust()))) {
      upstream.route("/a", TestUpstream.text(200, "should not be read"));

      assertThatThrownBy(() -> client.send(get(upstream.url("/a"))))
          .isInstanceOf(HttpCallException.class)
          .hasMessageStartingWith("failed the TLS handshake")
          .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1")
          .extracting(e -> ((HttpCallException) e).reason())
          .isEqualTo(Reason.TLS);
    }
  }

  @Test
  void aSelfSignedCertificateIsRefusedByTheSystemTrustStore() throws Exception {
    TestCertificates certificate = TestCertificates.create(dir, "ip:127.0.0.1");
    try (TestUpstream upstream = new TestUpstream(certificate.serverContext());
        UpstreamHttpClient client = new UpstreamHttpClient(ClientSettings.defaults())) {
      upstream.route("/a", TestUpstream.text(200, "should not be read"));

      assertThatThrownBy(() -> client.send(get(upstream.url("/a"))))
          .isInstanceOf(HttpCallException.class)
          .extracting(e -> ((HttpCallException) e).reason())
          .isEqualTo(Reason.TLS);
    }
  }
}
