package dev.mcpfleet.runtime.protocol.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.spi.CallContext;
import java.util.List;
import java.util.Map;

/** How an item's questions reach the client: requests on the stream, or MRTR rounds. */
interface ClientInputs {

  Map<String, JsonNode> ask(List<CallContext.InputRequest> requests) throws Exception;
}
