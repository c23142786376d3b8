package dev.mcpfleet.runtime.transport;

import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.util.AttributeKey;

/**
 * What the request gate established about an admitted MCP request, handed to the handler that
 * answers it once its body has arrived.
 *
 * @param caller the caller the guards established
 * @param pipeline the layers this request passes (one snapshot for the whole request)
 * @param acceptsJson whether the client accepts an application/json answer
 * @param acceptsSse whether the client accepts a text/event-stream answer
 * @param startNanos when the request's head arrived
 */
record Admission(
    Caller caller, Pipeline pipeline, boolean acceptsJson, boolean acceptsSse, long startNanos) {

  static final AttributeKey<Admission> KEY = AttributeKey.valueOf("mcp-fleet.admission");
}
