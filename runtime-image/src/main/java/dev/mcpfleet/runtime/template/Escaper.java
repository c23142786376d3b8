package dev.mcpfleet.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a value enters the text around a placeholder, so that arguments can never change the shape of
 * what they are put into: percent-encoded in URLs, escaped in JSON strings, serialized as one JSON
 * value between JSON tokens, as is in plain text.
 */
@FunctionalInterface
public interface Escaper {

  /** Appends {@code value} (null when absent) to {@code out}. */
  void append(JsonNode value, StringBuilder out);
}
