package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The runtime's one JSON configuration: a shared mapper that parses a request body in one streaming
 * pass, and generators that write straight into Netty buffers.
 */
public final class Json {

  /** Parses request bodies; trailing tokens after the message are an error. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public static final JsonFactory FACTORY = MAPPER.getFactory();
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Writes the fields or values of one JSON document. */
  @FunctionalInterface
  public interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  private Json() {}

  /** Parses one JSON document from {@code body} without copying it. */
  public static JsonNode parse(ByteBuf body) throws IOException {
    try (ByteBufInputStream in = new ByteBufInputStream(body.duplicate())) {
      return MAPPER.readTree(in);
    }
  }

  /** Writes one JSON document into a new buffer from {@code alloc}. */
  public static ByteBuf write(ByteBufAllocator alloc, Writer writer) {
    ByteBuf buf = alloc.buffer(256);
    try (JsonGenerator g =
        FACTORY.createGenerator((java.io.OutputStream) new ByteBufOutputStream(buf))) {
      writer.write(g);
    } catch (IOException e) {
      buf.release();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      buf.release();
      throw e;
    }
    return buf;
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** The text of a field, or null when absent or not a string. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
