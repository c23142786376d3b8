package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The legacy lifecycle with the upstream: {@code initialize} at the newest handshake revision, then
 * at an older one when the server says it speaks only those, then {@code
 * notifications/initialized}. The runtime declares the client capabilities its own clients may have
 * (elicitation, sampling, roots): each question is put to the client of the call that caused it.
 */
final class Handshake {

  /** Handshake revisions the runtime speaks as a client, newest first. */
  static final List<String> REVISIONS =
      List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  /**
   * What the server said about itself in its initialize result.
   *
   * @param protocolVersion the revision both sides speak
   * @param capabilities the server's capabilities
   * @param serverInfo its name, version and more
   * @param instructions its instructions for the model, or null
   */
  record ServerFacts(
      String protocolVersion, JsonNode capabilities, JsonNode serverInfo, String instructions) {

    /** Whether the server declared {@code capability} (tools, resources, prompts, ...). */
    boolean offers(String capability) {
      return capabilities != null && capabilities.has(capability);
    }
  }

  private Handshake() {}

  /** Initializes {@code session}, or says why the server cannot be fronted. */
  static ServerFacts perform(UpstreamSession session, String clientVersion, Duration timeout)
      throws Exception {
    String asked = REVISIONS.getFirst();
    for (int attempt = 0; attempt < REVISIONS.size(); attempt++) {
      JsonNode result;
      try {
        result =
            session.open("initialize", params(asked, clientVersion), false).await(null, timeout);
      } catch (IOException e) {
        throw UpstreamException.unavailable(e.getMessage());
      } catch (UpstreamException e) {
        String older = olderOffered(e, asked);
        if (older == null) {
          throw e;
        }
        asked = older;
        continue;
      }
      String answered = Json.text(result, "protocolVersion");
      if (answered == null || !REVISIONS.contains(answered)) {
        throw UpstreamException.unavailable(
            "the upstream speaks protocol revision '"
                + answered
                + "', which the runtime cannot speak as a client (it speaks "
                + String.join(", ", REVISIONS)
                + ")");
      }
      session.notify("notifications/initialized", Json.object());
      session.transport().initialized(answered);
      return new ServerFacts(
          answered,
          result.path("capabilities"),
          result.path("serverInfo"),
          Json.text(result, "instructions"));
    }
    throw UpstreamException.unavailable("the upstream refused every protocol revision offered");
  }

  /**
   * The next revision to offer after a refused initialize: one the server lists in its error's
   * {@code data.supported} when it does, else the next older one; null when none is left.
   */
  private static String olderOffered(UpstreamException refusal, String asked) {
    if (refusal.kind() != UpstreamException.Kind.ANSWERED) {
      return null;
    }
    for (String revision : REVISIONS) {
      if (revision.compareTo(asked) < 0 && refusal.supported().contains(revision)) {
        return revision;
      }
    }
    int next = REVISIONS.indexOf(asked) + 1;
    return next < REVISIONS.size() ? REVISIONS.get(next) : null;
  }

  private static ObjectNode params(String revision, String clientVersion) {
    ObjectNode params = Json.object().put("protocolVersion", revision);
    ObjectNode capabilities = params.putObject("capabilities");
    capabilities.putObject("roots");
    capabilities.putObject("sampling");
    capabilities.putObject("elicitation").putObject("form");
    params.putObject("clientInfo").put("name", "mcp-fleet-runtime").put("version", clientVersion);
    return params;
  }
}
