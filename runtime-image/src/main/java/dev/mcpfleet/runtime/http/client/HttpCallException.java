package dev.mcpfleet.runtime.http.client;

import java.io.IOException;

/** A request that got no complete answer, and why: the reason decides what the caller is told. */
public final class HttpCallException extends IOException {

  /** What went wrong. */
  public enum Reason {
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** Nothing listens at the host and port (connection refused or unreachable). */
    REFUSED,
    /** No connection within the connect timeout (or the request's, when shorter). */
    CONNECT_TIMEOUT,
    /** The TLS handshake failed: untrusted certificate, wrong host name, no common protocol. */
    TLS,
    /**
     * Every connection to the host stayed busy until the request's deadline, or too many waited.
     */
    BUSY,
    /** The complete answer did not arrive before the request's deadline. */
    TIMEOUT,
    /** The answer's body is larger than the request allows. */
    TOO_LARGE,
    /** The upstream closed the connection before the answer was complete. */
    CLOSED,
    /** The answer is not valid HTTP/1.1. */
    MALFORMED,
    /** Any other failure of the connection. */
    IO
  }

  private final Reason reason;

  /**
   * True when nothing of the request can have been processed: a reused connection that the upstream
   * had closed before the request reached it. Such a request may be sent again.
   */
  private final boolean unanswered;

  HttpCallException(Reason reason, String message, Throwable cause) {
    this(reason, message, cause, false);
  }

  HttpCallException(Reason reason, String message, Throwable cause, boolean unanswered) {
    super(message, cause);
    this.reason = reason;
    this.unanswered = unanswered;
  }

  public Reason reason() {
    return reason;
  }

  boolean unanswered() {
    return unanswered;
  }
}
