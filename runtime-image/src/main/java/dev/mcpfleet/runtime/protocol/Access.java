package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Applies the pipeline's {@link AccessPolicy}: lists show only what the caller may use, and using
 * anything else is refused before it runs.
 *
 * <p>A refusal is a protocol error, not a tool result: the item never ran, so there is no execution
 * error for the model to read. It carries the guide's error class in {@code data} ({@code
 * ACCESS_DENIED}). When the policy names the OAuth scope that would grant access, the answer is
 * HTTP 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope"}, so the client can ask
 * the user to consent to that scope (incremental consent).
 */
final class Access {

  private Access() {}

  static <T> List<T> visible(
      RequestContext ctx, List<T> items, AccessPolicy.ItemKind kind, Function<T, String> name) {
    AccessPolicy policy = ctx.pipeline().access();
    if (policy == AccessPolicy.ALLOW_ALL) {
      return items;
    }
    List<T> visible = new ArrayList<>(items.size());
    for (T item : items) {
      if (policy.decide(ctx.caller(), kind, name.apply(item)).allowed()) {
        visible.add(item);
      }
    }
    return visible;
  }

  /** Throws the refusal when the caller may not use this item. */
  static void require(RequestContext ctx, AccessPolicy.ItemKind kind, String name) {
    AccessPolicy.Verdict verdict =
        ctx.pipeline().access().authorize(ctx.caller(), kind, name, ctx.requestId());
    if (verdict.allowed()) {
      return;
    }
    String what = kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + name + "'";
    ObjectNode data = Json.object().put("code", "ACCESS_DENIED").put("category", "client_error");
    int status = 200;
    String message = "Access denied: caller '" + ctx.caller().id() + "' may not use " + what;
    if (verdict.missingScope() != null) {
      data.put("requiredScope", verdict.missingScope());
      status = 403;
      message += "; it needs the OAuth scope '" + verdict.missingScope() + "'";
      StringBuilder challenge =
          new StringBuilder("Bearer error=\"insufficient_scope\", scope=\"")
              .append(verdict.missingScope())
              .append('"');
      String metadata = ctx.services().config().resourceMetadataUrl();
      if (metadata != null) {
        challenge.append(", resource_metadata=\"").append(metadata).append('"');
      }
      ctx.exchange().header("WWW-Authenticate", challenge.toString());
    } else {
      message += "; ask the server's operators for access";
    }
    throw new McpError(McpError.INVALID_REQUEST, message, data, status);
  }
}
