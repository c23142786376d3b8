package dev.mcpfleet.runtime.pipeline;

import dev.mcpfleet.runtime.spi.Caller;

/**
 * Authorization: may this caller use this tool, resource or prompt? Lists show only what the caller
 * may use; a denied call gets the guide's ACCESS_DENIED error. Must not block.
 */
public interface AccessPolicy {

  /** Everything is allowed (authorization not configured). */
  AccessPolicy ALLOW_ALL = (caller, kind, name) -> Verdict.ALLOWED;

  /** The kinds of item a policy decides on. */
  enum ItemKind {
    TOOL,
    RESOURCE,
    PROMPT
  }

  /**
   * The verdict for one item.
   *
   * @param allowed whether the caller may use it
   * @param missingScope when refused for lack of an OAuth scope, the scope that would grant it (so
   *     the client can be told, 403 insufficient_scope); else null
   * @param rule the name of the rule that decided, for audit lines; may be null
   */
  record Verdict(boolean allowed, String missingScope, String rule) {
    public static final Verdict ALLOWED = new Verdict(true, null, null);
    public static final Verdict DENIED = new Verdict(false, null, null);
  }

  /** Decides on one item. {@code name} is a tool or prompt name, or a resource URI. */
  Verdict decide(Caller caller, ItemKind kind, String name);

  /**
   * Decides on one use of an item (tools/call, resources/read, prompts/get), as opposed to a
   * listing: the protocol layer calls this for uses, so that a policy can write an audit line for
   * each refusal without writing one for every item a list hides.
   *
   * @param requestId the request's id for the audit line
   */
  default Verdict authorize(Caller caller, ItemKind kind, String name, String requestId) {
    return decide(caller, kind, name);
  }
}
