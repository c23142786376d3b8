package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** What the server offers: the same features in every revision. */
final class Capabilities {

  private Capabilities() {}

  /** Writes the {@code capabilities} field. */
  static void write(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("capabilities");
    g.writeObjectFieldStart("tools");
    g.writeBooleanField("listChanged", true);
    g.writeEndObject();
    g.writeObjectFieldStart("resources");
    g.writeBooleanField("subscribe", true);
    g.writeBooleanField("listChanged", true);
    g.writeEndObject();
    g.writeObjectFieldStart("prompts");
    g.writeBooleanField("listChanged", true);
    g.writeEndObject();
    g.writeObjectFieldStart("completions");
    g.writeEndObject();
    g.writeObjectFieldStart("logging");
    g.writeEndObject();
    g.writeEndObject();
  }
}
