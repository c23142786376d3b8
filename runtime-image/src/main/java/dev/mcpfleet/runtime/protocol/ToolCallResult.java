package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.io.IOException;

/** A tool's result as the answer to tools/call: its content, and its {@code _meta} if any. */
record ToolCallResult(ToolResult result, Revision revision) implements Result {

  @Override
  public void writeFields(JsonGenerator g) throws IOException {
    ContentWriter.toolResult(g, result, revision);
  }

  @Override
  public ObjectNode meta() {
    return result.meta();
  }
}
