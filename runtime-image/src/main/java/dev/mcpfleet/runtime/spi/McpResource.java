package dev.mcpfleet.runtime.spi;

import java.util.List;

/** A fixed resource. */
public interface McpResource {

  /** What clients see in resources/list. */
  ResourceDescriptor descriptor();

  /** The resource's contents (usually one entry). */
  List<ResourceContents> read(CallContext context) throws Exception;

  /**
   * True when {@link #read} never blocks (it computes from memory), so the runtime may answer on
   * the connection's event loop instead of a virtual thread.
   */
  default boolean inline() {
    return false;
  }

  /**
   * A resource as resources/list shows it.
   *
   * @param uri unique URI
   * @param name name
   * @param title display name, or null
   * @param description description, or null
   * @param mimeType MIME type, or null
   * @param size size in bytes, or null
   * @param annotations audience/priority hints, or null
   * @param icons icons, possibly empty
   */
  record ResourceDescriptor(
      String uri,
      String name,
      String title,
      String description,
      String mimeType,
      Long size,
      Content.Annotations annotations,
      List<ToolDescriptor.Icon> icons) {

    public ResourceDescriptor {
      icons = icons == null ? List.of() : List.copyOf(icons);
    }
  }
}
