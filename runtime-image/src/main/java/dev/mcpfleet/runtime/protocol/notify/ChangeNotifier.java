package dev.mcpfleet.runtime.protocol.notify;

import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.protocol.JsonRpc;
import dev.mcpfleet.runtime.protocol.session.Session;
import dev.mcpfleet.runtime.protocol.session.SessionRegistry;
import dev.mcpfleet.runtime.transport.Exchange;
import java.util.Set;

/**
 * Tells clients that the served definition changed: {@code notifications/*\/list_changed} and
 * {@code notifications/resources/updated} on 2026-07-28 listen streams (tagged with their
 * subscription id, filtered as each asked) and on legacy sessions' GET streams. Also keeps those
 * long-lived streams alive through idle proxies.
 */
public final class ChangeNotifier {

  private static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

  private final ListenStreams listeners;
  private final SessionRegistry sessions;

  public ChangeNotifier(ListenStreams listeners, SessionRegistry sessions) {
    this.listeners = listeners;
    this.sessions = sessions;
  }

  /** Sends what {@code change} calls for to every open stream. */
  public void changed(Definitions.Change change) {
    for (ListenStreams.Listener l : listeners.all()) {
      String id = l.subscriptionId();
      if (change.toolsChanged() && l.tools()) {
        send(l.exchange(), "notifications/tools/list_changed", null, id);
      }
      if (change.promptsChanged() && l.prompts()) {
        send(l.exchange(), "notifications/prompts/list_changed", null, id);
      }
      if (change.resourcesChanged() && l.resources()) {
        send(l.exchange(), "notifications/resources/list_changed", null, id);
      }
      updated(l.exchange(), l.resourceUris(), change.current(), id);
    }
    for (Session session : sessions.all()) {
      Exchange stream = session.stream();
      if (stream == null) {
        continue;
      }
      if (change.toolsChanged()) {
        send(stream, "notifications/tools/list_changed", null, null);
      }
      if (change.promptsChanged()) {
        send(stream, "notifications/prompts/list_changed", null, null);
      }
      if (change.resourcesChanged()) {
        send(stream, "notifications/resources/list_changed", null, null);
      }
      updated(stream, session.subscriptions(), change.current(), null);
    }
  }

  /** Writes a keep-alive comment on every long-lived stream. */
  public void keepAlive() {
    listeners.all().forEach(l -> l.exchange().keepAlive());
    for (Session session : sessions.all()) {
      Exchange stream = session.stream();
      if (stream != null) {
        stream.keepAlive();
      }
    }
  }

  /** A reload may have changed any served resource's contents: subscribers re-read. */
  private static void updated(
      Exchange exchange, Set<String> uris, ServerDefinition current, String subscriptionId) {
    for (String uri : uris) {
      if (current.resourcesByUri().containsKey(uri) || current.matchTemplate(uri) != null) {
        send(exchange, "notifications/resources/updated", uri, subscriptionId);
      }
    }
  }

  private static void send(Exchange exchange, String method, String uri, String subscriptionId) {
    exchange.send(
        JsonRpc.notification(
            exchange.alloc(),
            method,
            g -> {
              if (uri != null) {
                g.writeStringField("uri", uri);
              }
              if (subscriptionId != null) {
                g.writeObjectFieldStart("_meta");
                g.writeStringField(SUBSCRIPTION_ID, subscriptionId);
                g.writeEndObject();
              }
            }));
  }
}
