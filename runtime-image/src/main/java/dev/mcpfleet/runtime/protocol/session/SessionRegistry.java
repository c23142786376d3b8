package dev.mcpfleet.runtime.protocol.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.protocol.Revision;
import dev.mcpfleet.runtime.transport.Exchange;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live legacy sessions. Ids are 256 random bits from {@link SecureRandom}. Sessions end on
 * DELETE, after an idle timeout (swept periodically), or, when the bound is reached, the longest
 * idle one makes room for a new one, so clients that vanish never leak sessions.
 */
public final class SessionRegistry {

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final int maxSessions;
  private final long idleNanos;

  public SessionRegistry(int maxSessions, Duration idleTimeout) {
    this.maxSessions = maxSessions;
    this.idleNanos = idleTimeout.toNanos();
  }

  /** Starts a session for {@code callerId}. */
  public Session create(Revision revision, ObjectNode clientCapabilities, String callerId) {
    if (sessions.size() >= maxSessions) {
      evictLongestIdle();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Session session = new Session(id, revision, clientCapabilities, callerId);
    sessions.put(id, session);
    return session;
  }

  /** The live session with this id, or null (never existed, ended or expired). */
  public Session find(String id) {
    Session session = sessions.get(id);
    if (session != null) {
      session.touch();
    }
    return session;
  }

  /** Ends the session with this id; false when there was none. */
  public boolean end(String id) {
    Session session = sessions.remove(id);
    if (session != null) {
      session.end();
    }
    return session != null;
  }

  /** Ends the sessions idle for longer than the timeout; returns how many ended. */
  public int sweep() {
    long now = System.nanoTime();
    int ended = 0;
    for (Session session : sessions.values()) {
      if (!session.busy() && now - session.lastSeenNanos() > idleNanos && end(session.id())) {
        ended++;
      }
    }
    return ended;
  }

  public int size() {
    return sessions.size();
  }

  /** Ends every session's GET stream, keeping the sessions (the first step of a shutdown). */
  public void endStreams() {
    for (Session session : sessions.values()) {
      Exchange stream = session.stream();
      if (stream != null) {
        stream.end();
      }
    }
  }

  /** Ends every session (shutdown). */
  public void endAll() {
    sessions.keySet().forEach(this::end);
  }

  /** Every live session, for change notifications. */
  public Iterable<Session> all() {
    return sessions.values();
  }

  private void evictLongestIdle() {
    sessions.values().stream()
        .filter(s -> !s.busy())
        .min(Comparator.comparingLong(Session::lastSeenNanos))
        .or(() -> sessions.values().stream().min(Comparator.comparingLong(Session::lastSeenNanos)))
        .ifPresent(s -> end(s.id()));
  }
}
