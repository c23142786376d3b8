package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.protocol.notify.ListenStreams;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * subscriptions/listen (2026-07-28): a long-lived SSE stream whose first message acknowledges the
 * subscription and echoes the notifications the server will send; change notifications follow, each
 * tagged with the subscription id (the listen request's id).
 */
final class ListenMethod implements Method {

  @Override
  public Result call(RequestContext ctx) {
    if (!ctx.exchange().acceptsSse()) {
      throw McpError.invalidRequest(
          "subscriptions/listen answers with an SSE stream; send Accept: text/event-stream");
    }
    JsonNode wanted = ctx.params().path("notifications");
    boolean tools = wanted.path("toolsListChanged").asBoolean(false);
    boolean prompts = wanted.path("promptsListChanged").asBoolean(false);
    boolean resources = wanted.path("resourcesListChanged").asBoolean(false);
    Set<String> uris = new LinkedHashSet<>();
    for (JsonNode uri : wanted.path("resourceSubscriptions")) {
      if (!uri.isTextual()) {
        throw McpError.invalidParams("notifications.resourceSubscriptions must be a list of URIs");
      }
      uris.add(uri.asText());
    }
    String subscriptionId = ctx.id().asText();
    ctx.exchange().describe(ctx.method(), "success");
    ctx.exchange().openStream();
    // Registered before the acknowledgement leaves: a change the client causes right after reading
    // it must reach this stream. Both happen in this event-loop task, so the acknowledgement still
    // goes first.
    ctx.services()
        .listeners()
        .add(
            new ListenStreams.Listener(
                ctx.exchange(), subscriptionId, tools, prompts, resources, uris));
    ctx.notify(
        "notifications/subscriptions/acknowledged",
        g -> {
          g.writeObjectFieldStart("_meta");
          g.writeStringField("io.modelcontextprotocol/subscriptionId", subscriptionId);
          g.writeEndObject();
          g.writeObjectFieldStart("notifications");
          if (tools) {
            g.writeBooleanField("toolsListChanged", true);
          }
          if (prompts) {
            g.writeBooleanField("promptsListChanged", true);
          }
          if (resources) {
            g.writeBooleanField("resourcesListChanged", true);
          }
          if (!uris.isEmpty()) {
            g.writeArrayFieldStart("resourceSubscriptions");
            for (String uri : uris) {
              g.writeString(uri);
            }
            g.writeEndArray();
          }
          g.writeEndObject();
        });
    return null;
  }
}
