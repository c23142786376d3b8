package dev.mcpfleet.runtime.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The MCP protocol revisions the runtime speaks. 2026-07-28 is stateless (every request carries its
 * version in {@code _meta}); the others use the {@code initialize} handshake and, optionally,
 * sessions.
 */
public enum Revision {
  V2026_07_28("2026-07-28"),
  V2025_11_25("2025-11-25"),
  V2025_06_18("2025-06-18"),
  V2025_03_26("2025-03-26");

  /** Revisions selected per request through {@code _meta} (what server/discover lists). */
  public static final List<String> STATELESS_IDS = List.of(V2026_07_28.id);

  /** The newest handshake revision: the answer to an initialize asking for one we do not know. */
  public static final Revision LATEST_LEGACY = V2025_11_25;

  /** What a legacy request without {@code MCP-Protocol-Version} is taken to speak. */
  public static final Revision DEFAULT_LEGACY = V2025_03_26;

  private final String id;

  Revision(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public boolean stateless() {
    return this == V2026_07_28;
  }

  /** JSON-RPC batches were allowed in 2025-03-26 only. */
  public boolean allowsBatches() {
    return this == V2025_03_26;
  }

  /** structuredContent, outputSchema and resource_link content arrived in 2025-06-18. */
  public boolean hasStructuredContent() {
    return this != V2025_03_26;
  }

  /** The revision with this id, if the runtime speaks it. */
  public static Optional<Revision> of(String id) {
    for (Revision r : values()) {
      if (r.id.equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The handshake revision with this id, if the runtime speaks it. */
  public static Optional<Revision> legacy(String id) {
    return of(id).filter(r -> !r.stateless());
  }
}
