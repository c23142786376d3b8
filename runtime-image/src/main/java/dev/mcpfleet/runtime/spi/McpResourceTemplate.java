package dev.mcpfleet.runtime.spi;

import java.util.List;
import java.util.Map;

/** A family of resources named by an RFC 6570 URI template. */
public interface McpResourceTemplate {

  /** What clients see in resources/templates/list. */
  TemplateDescriptor descriptor();

  /**
   * Reads the resource at {@code uri}, which matched the template with these {@code variables}.
   * Returns an empty list when no such resource exists (the client gets "resource not found").
   */
  List<ResourceContents> read(String uri, Map<String, String> variables, CallContext context)
      throws Exception;

  /** Candidate values for a variable that start with {@code prefix} (completion/complete). */
  default List<String> complete(String variable, String prefix) {
    return List.of();
  }

  /**
   * True when {@link #read} never blocks (it computes from memory), so the runtime may answer on
   * the connection's event loop instead of a virtual thread.
   */
  default boolean inline() {
    return false;
  }

  /**
   * A resource template as resources/templates/list shows it.
   *
   * @param uriTemplate RFC 6570 URI template
   * @param name name
   * @param title display name, or null
   * @param description description, or null
   * @param mimeType MIME type, or null
   * @param annotations audience/priority hints, or null
   * @param icons icons, possibly empty
   */
  record TemplateDescriptor(
      String uriTemplate,
      String name,
      String title,
      String description,
      String mimeType,
      Content.Annotations annotations,
      List<ToolDescriptor.Icon> icons) {

    public TemplateDescriptor {
      icons = icons == null ? List.of() : List.copyOf(icons);
    }
  }
}
