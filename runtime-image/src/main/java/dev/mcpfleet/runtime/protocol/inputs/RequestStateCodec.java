package dev.mcpfleet.runtime.protocol.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.protocol.McpError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens the {@code requestState} of 2026-07-28 multi-round requests. The state carries
 * the answers the client gave in earlier rounds, so a rerun sees them; the client holds it and
 * could alter it, so it is HMAC-SHA256 signed, bound to the caller, method and item it was issued
 * for, and expires. Anything that fails these checks is refused with -32602.
 */
public final class RequestStateCodec {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Duration ttl;
  private final Clock clock;

  /**
   * @param secret the HMAC key; null draws a random one for this process
   */
  public RequestStateCodec(String secret, Duration ttl, Clock clock) {
    byte[] bytes;
    if (secret == null) {
      bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
    } else {
      bytes = secret.getBytes(StandardCharsets.UTF_8);
    }
    this.key = new SecretKeySpec(bytes, ALGORITHM);
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The state for a rerun of the item bound to {@code binding}, holding {@code answers}. */
  public String seal(String binding, Map<String, JsonNode> answers) {
    ObjectNode payload = Json.object();
    payload.put("b", digest(binding));
    payload.put("exp", clock.millis() + ttl.toMillis());
    ObjectNode saved = payload.putObject("a");
    answers.forEach(saved::set);
    String body = B64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    return body + "." + B64.encodeToString(mac(body));
  }

  /** The answers a state holds, after checking its signature, binding and age. */
  public Map<String, JsonNode> open(String state, String binding) {
    int dot = state.indexOf('.');
    if (dot < 0) {
      throw refused("it is not a state this server issued");
    }
    String body = state.substring(0, dot);
    byte[] signature;
    try {
      signature = B64D.decode(state.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw refused("its signature is malformed");
    }
    if (!MessageDigest.isEqual(signature, mac(body))) {
      throw refused("its signature does not match (it was altered or issued elsewhere)");
    }
    JsonNode payload;
    try {
      payload = Json.MAPPER.readTree(B64D.decode(body));
    } catch (IOException | IllegalArgumentException e) {
      throw refused("its content is unreadable");
    }
    if (!digest(binding).equals(payload.path("b").asText())) {
      throw refused("it was issued for another request");
    }
    if (payload.path("exp").asLong() < clock.millis()) {
      throw refused("it has expired");
    }
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    payload.path("a").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue()));
    return answers;
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static String digest(String binding) {
    try {
      return B64.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static McpError refused(String why) {
    return McpError.invalidParams(
        "requestState was refused: "
            + why
            + ". Repeat the request without requestState and inputResponses to start over");
  }
}
