package dev.mcpfleet.runtime.http.client;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made for one test by the JDK's keytool, with the names given, and what
 * a server and a client need to use it.
 */
public final class TestCertificates {

  private static final char[] PASSWORD = "test-only".toCharArray();

  private final KeyStore store;

  private TestCertificates(KeyStore store) {
    this.store = store;
  }

  /** A certificate for {@code subjectAltNames}, e.g. {@code ip:127.0.0.1,dns:localhost}. */
  public static TestCertificates create(Path dir, String subjectAltNames)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path file = dir.resolve("upstream-" + System.nanoTime() + ".p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "upstream",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=test upstream",
                    "-ext",
                    "SAN=" + subjectAltNames,
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    file.toString(),
                    "-storepass",
                    new String(PASSWORD)))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return new TestCertificates(store);
  }

  /** A server context presenting the certificate. */
  public SslContext serverContext() throws GeneralSecurityException, IOException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    return SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK).build();
  }

  /** Trust in this certificate alone. */
  public TrustManagerFactory trust() throws GeneralSecurityException {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    return trust;
  }
}
