package dev.mcpfleet.runtime.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.pipeline.ToolLayer.ToolInvocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cache keys: the tool, the caller when results are per caller, and the arguments in a canonical
 * form (object fields sorted), hashed so that keys stay short whatever the arguments.
 */
public final class CacheKeys {

  private final String version;

  /**
   * @param version changes the keys when the definition changes (e.g. the server's version), so a
   *     new definition never answers from an old one's results
   */
  public CacheKeys(String version) {
    this.version = version;
  }

  /** The key of one invocation. */
  public String of(ToolInvocation invocation, boolean perCaller) {
    StringBuilder canonical = new StringBuilder(version).append('\n');
    canonical.append(invocation.call().name()).append('\n');
    if (perCaller) {
      var caller = invocation.context().caller();
      canonical.append(caller.kind()).append(':').append(caller.id());
    }
    canonical.append('\n');
    write(invocation.call().arguments(), canonical);
    return invocation.call().name() + ":" + sha256(canonical.toString());
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node == null) {
      out.append("null");
    } else if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        sorted.put(field.getKey(), field.getValue());
      }
      out.append('{');
      sorted.forEach(
          (name, value) -> {
            out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(name)).append(':');
            write(value, out);
            out.append(',');
          });
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      node.forEach(
          element -> {
            write(element, out);
            out.append(',');
          });
      out.append(']');
    } else {
      out.append(node);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
