package dev.mcpfleet.runtime.security;

import static dev.mcpfleet.runtime.layers.LayerFixtures.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mcpfleet.runtime.observability.HealthCheck;
import dev.mcpfleet.runtime.pipeline.HttpGuard;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AttributeMap;
import io.netty.util.DefaultAttributeMap;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyAuthenticatorTest {

  @TempDir Path dir;
  private ApiKeyStore store;
  private ApiKeyAuthenticator authenticator;

  @BeforeEach
  void mountKeys() throws Exception {
    Files.writeString(dir.resolve("ci-bot"), "key-ci-0123456789\n");
    // Two keys for one caller: the old one still works while clients move to the new one.
    Files.writeString(dir.resolve("alice"), "alice-old-key-0001\nalice-new-key-0002\n");
    Files.createDirectory(dir.resolve("..2026_01_01_00_00_00.1"));
    Files.writeString(dir.resolve(".hidden"), "never-a-key-000000");
    store = ApiKeyStore.open(dir);
    authenticator =
        new ApiKeyAuthenticator(store, null, new BearerChallenge(null, "mcp", List.of()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private HttpGuard.Decision present(Map<String, String> headers) {
    return authenticator.check(head(headers), Caller.ANONYMOUS);
  }

  private HttpGuard.Decision presentOn(AttributeMap connection, String authorization) {
    HttpHeaders headers = new DefaultHttpHeaders().add("Authorization", authorization);
    var head =
        new HttpGuard.RequestHead(
            "POST", "/mcp", headers, new InetSocketAddress("127.0.0.1", 40000), connection);
    return authenticator.check(head, Caller.ANONYMOUS);
  }

  private static String callerOf(HttpGuard.Decision decision) {
    assertThat(decision).isInstanceOf(HttpGuard.Pass.class);
    Caller caller = ((HttpGuard.Pass) decision).caller();
    assertThat(caller.kind()).isEqualTo(Caller.Kind.API_KEY);
    return caller.id();
  }

  @Test
  void bearerKeyMakesTheFileNameTheCaller() {
    assertThat(callerOf(present(Map.of("Authorization", "Bearer key-ci-0123456789"))))
        .isEqualTo("ci-bot");
  }

  @Test
  void xApiKeyHeaderIsAcceptedToo() {
    assertThat(callerOf(present(Map.of("X-API-Key", "key-ci-0123456789")))).isEqualTo("ci-bot");
  }

  @Test
  void everyKeyOfACallerWorksSoKeysCanRotate() {
    assertThat(callerOf(present(Map.of("Authorization", "Bearer alice-old-key-0001"))))
        .isEqualTo("alice");
    assertThat(callerOf(present(Map.of("Authorization", "Bearer alice-new-key-0002"))))
        .isEqualTo("alice");
  }

  @Test
  void wrongKeyGets401WithoutSayingWhichKeysExist() {
    HttpGuard.Reject reject =
        (HttpGuard.Reject) present(Map.of("Authorization", "Bearer key-ci-012345678"));

    assertThat(reject.status().code()).isEqualTo(401);
    assertThat(reject.headers().get("WWW-Authenticate")).contains("error=\"invalid_token\"");
    assertThat(reject.body().toString()).doesNotContain("ci-bot").doesNotContain("alice");
  }

  @Test
  void missingKeyGets401SayingHowToSendOne() {
    HttpGuard.Reject reject = (HttpGuard.Reject) present(Map.of());

    assertThat(reject.status().code()).isEqualTo(401);
    assertThat(reject.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"mcp\"");
    assertThat(reject.body().path("error").path("message").asText()).contains("X-API-Key");
  }

  @Test
  void hiddenFilesOfTheSecretMountAreNotKeys() {
    assertThat(present(Map.of("X-API-Key", "never-a-key-000000")))
        .isInstanceOf(HttpGuard.Reject.class);
    assertThat(store.callers()).containsExactlyInAnyOrder("alice", "ci-bot");
  }

  @Test
  void aConfiguredHeaderIsTheOnlyOneRead() {
    authenticator =
        new ApiKeyAuthenticator(store, "X-Team-Key", new BearerChallenge(null, "mcp", List.of()));

    assertThat(callerOf(present(Map.of("X-Team-Key", "key-ci-0123456789")))).isEqualTo("ci-bot");
    assertThat(present(Map.of("Authorization", "Bearer key-ci-0123456789")))
        .isInstanceOf(HttpGuard.Reject.class);
  }

  @Test
  void changedKeyFilesAreReadAgain() throws Exception {
    Files.writeString(dir.resolve("ci-bot"), "key-ci-rotated-99999\n");
    Files.writeString(dir.resolve("new-team"), "key-new-team-00000\n");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> present(Map.of("X-API-Key", "key-new-team-00000")) instanceof HttpGuard.Pass);
    assertThat(present(Map.of("X-API-Key", "key-ci-0123456789")))
        .isInstanceOf(HttpGuard.Reject.class);
    assertThat(callerOf(present(Map.of("X-API-Key", "key-ci-rotated-99999")))).isEqualTo("ci-bot");
  }

  @Test
  void aConnectionRemembersTheCallerOfItsVerifiedKey() {
    AttributeMap connection = new DefaultAttributeMap();

    HttpGuard.Decision first = presentOn(connection, "Bearer key-ci-0123456789");
    HttpGuard.Decision second = presentOn(connection, "Bearer key-ci-0123456789");

    assertThat(callerOf(first)).isEqualTo("ci-bot");
    assertThat(second).isSameAs(first);
  }

  @Test
  void rotatedAwayKeyIsRefusedOnTheConnectionThatUsedIt() throws Exception {
    AttributeMap connection = new DefaultAttributeMap();
    assertThat(callerOf(presentOn(connection, "Bearer key-ci-0123456789"))).isEqualTo("ci-bot");

    Files.writeString(dir.resolve("ci-bot"), "key-ci-rotated-99999\n");
    store.reload();

    assertThat(presentOn(connection, "Bearer key-ci-0123456789"))
        .isInstanceOf(HttpGuard.Reject.class);
    assertThat(callerOf(presentOn(connection, "Bearer key-ci-rotated-99999"))).isEqualTo("ci-bot");
  }

  @Test
  void anotherKeyOnTheSameConnectionIsCheckedAgain() {
    AttributeMap connection = new DefaultAttributeMap();
    assertThat(callerOf(presentOn(connection, "Bearer alice-new-key-0002"))).isEqualTo("alice");

    assertThat(presentOn(connection, "Bearer alice-new-key-0003"))
        .isInstanceOf(HttpGuard.Reject.class);
    assertThat(callerOf(presentOn(connection, "Bearer key-ci-0123456789"))).isEqualTo("ci-bot");
    assertThat(callerOf(presentOn(connection, "Bearer alice-new-key-0002"))).isEqualTo("alice");
  }

  @Test
  void reReadingUnchangedKeysKeepsVerificationsCurrent() throws Exception {
    ApiKeyStore.Verification verified = store.verify("key-ci-0123456789").orElseThrow();

    store.reload();
    assertThat(store.isCurrent(verified)).isTrue();

    Files.writeString(dir.resolve("new-team"), "key-new-team-00000\n");
    store.reload();
    assertThat(store.isCurrent(verified)).isFalse();
  }

  @Test
  void keysOfAnotherStoreAreNotCurrent() throws Exception {
    ApiKeyStore.Verification verified = store.verify("key-ci-0123456789").orElseThrow();

    try (ApiKeyStore other = ApiKeyStore.open(dir)) {
      assertThat(other.isCurrent(verified)).isFalse();
    }
  }

  @Test
  void keyValuesAreKnownForRedaction() {
    assertThat(store.keyValues())
        .contains("key-ci-0123456789", "alice-old-key-0001", "alice-new-key-0002");
  }

  @Test
  void missingMountIsAClearStartupError() {
    assertThatThrownBy(() -> ApiKeyStore.open(dir.resolve("absent")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no API keys are mounted at")
        .hasMessageContaining("secretRef");
  }

  @Test
  void emptyMountIsReportedDegraded() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    try (ApiKeyStore none = ApiKeyStore.open(empty)) {
      assertThat(none.check().status()).isEqualTo(HealthCheck.Status.DEGRADED);
      assertThat(none.check().message()).contains("every call is refused");
    }
  }
}
