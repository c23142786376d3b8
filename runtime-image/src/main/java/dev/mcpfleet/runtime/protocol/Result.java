package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
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

  /** {@code resultType} in 2026-07-28: complete, or input_required for an MRTR round. */
  default String resultType() {
    return "complete";
  }
}
