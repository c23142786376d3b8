package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * One of the lists (tools, resources, templates, prompts): what the caller may use, a page at a
 * time, in the definition's order.
 *
 * @param field the result's array field, also the namespace of its cursors
 * @param items the list in a definition
 * @param kind what the access policy decides on, or null for a list it does not filter
 * @param key an item's name or URI for the access policy
 * @param writer writes one item
 */
record ListMethod<T>(
    String field,
    Function<ServerDefinition, List<T>> items,
    AccessPolicy.ItemKind kind,
    Function<T, String> key,
    ItemWriter<T> writer)
    implements Method {

  /** Writes one item of the list. */
  @FunctionalInterface
  interface ItemWriter<T> {
    void write(JsonGenerator g, T item, Revision revision) throws IOException;
  }

  @Override
  public Result call(RequestContext ctx) {
    List<T> all = items.apply(ctx.definition());
    List<T> visible = kind == null ? all : Access.visible(ctx, all, kind, key);
    var page = Pagination.page(visible, field, ctx.params(), ctx.services().config().pageSize());
    return g -> {
      g.writeArrayFieldStart(field);
      for (T item : page.items()) {
        writer.write(g, item, ctx.revision());
      }
      g.writeEndArray();
      Descriptors.optional(g, "nextCursor", page.nextCursor());
    };
  }
}
