package dev.mcpfleet.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.pipeline.ToolLayer;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What leaves the server is safe to show: secrets and credentials in text blocks, embedded text
 * resources and structured content of results from outside the server (HTTP and fronted tools, SPI
 * tools) are masked ({@link Redactor}), and any result larger than the cap is cut: text is
 * truncated and ends with a note saying how much was dropped, blocks past the cap and oversized
 * structured content are left out. The model sees that something was cut and why.
 */
public final class OutputSanitizationLayer implements ToolLayer {

  private final Redactor redactor;
  private final int maxBytes;

  public OutputSanitizationLayer(Redactor redactor, int maxBytes) {
    this.redactor = redactor;
    this.maxBytes = maxBytes;
  }

  /**
   * Results of tools that reach outside the call are masked and capped; those of self-contained
   * tools ({@link dev.mcpfleet.runtime.spi.McpTool#selfContained()}: the manifest and the caller's
   * own arguments) are only capped, since they cannot hold a secret the caller did not send.
   */
  @Override
  public ToolResult call(ToolInvocation invocation, Chain next) throws Exception {
    ToolResult result = next.proceed(invocation);
    return invocation.tool().selfContained() ? cap(result) : sanitize(result);
  }

  /** The result, masked and capped. Also used by the cache so that it never holds a secret. */
  public ToolResult sanitize(ToolResult result) {
    List<Content> content = new ArrayList<>(result.content().size());
    boolean changed = false;
    for (Content block : result.content()) {
      Content masked = redact(block);
      changed |= masked != block;
      content.add(masked);
    }
    JsonNode structured = redactor.redact(result.structuredContent());
    changed |= structured != result.structuredContent();
    ObjectNode meta = result.meta();
    if (meta != null) {
      JsonNode maskedMeta = redactor.redact(meta);
      changed |= maskedMeta != meta;
      meta = (ObjectNode) maskedMeta;
    }
    ToolResult masked =
        changed ? new ToolResult(content, structured, result.isError(), meta) : result;
    return cap(masked);
  }

  private Content redact(Content block) {
    return switch (block) {
      case Content.Text t -> {
        String text = redactor.redact(t.text());
        yield text.equals(t.text()) ? t : new Content.Text(text, t.annotations());
      }
      case Content.EmbeddedResource r when r.resource().text() != null -> {
        String text = redactor.redact(r.resource().text());
        yield text.equals(r.resource().text())
            ? r
            : new Content.EmbeddedResource(
                ResourceContents.text(r.resource().uri(), r.resource().mimeType(), text),
                r.annotations());
      }
      default -> block;
    };
  }

  private ToolResult cap(ToolResult result) {
    long structuredBytes =
        result.structuredContent() == null ? 0 : result.structuredContent().toString().length();
    long total = structuredBytes;
    for (Content block : result.content()) {
      total += size(block);
    }
    if (total <= maxBytes) {
      return result;
    }
    List<Content> kept = new ArrayList<>();
    long budget = maxBytes;
    JsonNode structured = result.structuredContent();
    if (structuredBytes > budget / 2) {
      structured = null;
    } else {
      budget -= structuredBytes;
    }
    int dropped = 0;
    for (Content block : result.content()) {
      long size = size(block);
      if (size <= budget) {
        kept.add(block);
        budget -= size;
      } else if (block instanceof Content.Text t && budget > 0) {
        kept.add(new Content.Text(truncate(t.text(), (int) budget), t.annotations()));
        budget = 0;
      } else {
        dropped++;
      }
    }
    StringBuilder note =
        new StringBuilder("[truncated: the result was ")
            .append(total)
            .append(" bytes, over this server's limit of ")
            .append(maxBytes)
            .append(" bytes");
    if (dropped > 0) {
      note.append("; ").append(dropped).append(" content blocks were left out");
    }
    if (structured == null && result.structuredContent() != null) {
      note.append("; structuredContent was left out");
    }
    note.append(". Ask for less, e.g. with narrower arguments.]");
    kept.add(new Content.Text(note.toString(), null));
    return new ToolResult(kept, structured, result.isError(), result.meta());
  }

  private static long size(Content block) {
    return switch (block) {
      case Content.Text t -> utf8Length(t.text());
      case Content.Image i -> i.data().length();
      case Content.Audio a -> a.data().length();
      case Content.EmbeddedResource r ->
          r.resource().text() != null
              ? utf8Length(r.resource().text())
              : r.resource().blob().length();
      case Content.ResourceLink l -> l.uri().length();
    };
  }

  /** The longest prefix of {@code text} within {@code bytes} UTF-8 bytes, whole characters only. */
  private static String truncate(String text, int bytes) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int end = Math.min(bytes, utf8.length);
    while (end > 0 && end < utf8.length && (utf8[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(utf8, 0, end, StandardCharsets.UTF_8);
  }

  private static long utf8Length(String text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
