package dev.mcpfleet.runtime.protocol.inputs;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mcpfleet.runtime.protocol.Result;
import dev.mcpfleet.runtime.spi.CallContext;
import java.io.IOException;
import java.util.Map;

/** {@code resultType: input_required}: the questions of one round and the sealed state. */
record InputRequiredResult(Map<String, CallContext.InputRequest> requests, String requestState)
    implements Result {

  @Override
  public void writeFields(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("inputRequests");
    for (var entry : requests.entrySet()) {
      g.writeObjectFieldStart(entry.getKey());
      g.writeStringField("method", entry.getValue().method());
      g.writeFieldName("params");
      g.writeTree(entry.getValue().params());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeStringField("requestState", requestState);
  }

  @Override
  public String resultType() {
    return "input_required";
  }
}
