package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The fields of one JSON-RPC result, written straight into the response. The envelope adds what the
 * revision requires around them ({@code resultType}, caching hints, server identity).
 */
@FunctionalInterface
public interface Result {

  /** The empty result {@code {}} (ping, logging/setLevel, subscribe). */
  Result EMPTY = g -> {};

  void writeFields(JsonGenerator g) throws IOException;

  /**
   * The result's own {@code _meta} fields, or null. The envelope writes them (merged with the
   * server's identity in 2026-07-28), so a result never writes {@code _meta} itself.
   */
  default ObjectNode meta() {
    return null;
  }

  /** {@code resultType} in 2026-07-28: complete, or input_required for an MRTR round. */
  default String resultType() {
    return "complete";
  }
}
