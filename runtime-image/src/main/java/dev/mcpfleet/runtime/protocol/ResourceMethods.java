package dev.mcpfleet.runtime.protocol;

import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.pipeline.AccessPolicy;
import dev.mcpfleet.runtime.protocol.inputs.ItemRunner;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.ResourceContents;
import java.util.List;
import java.util.Map;

/** resources/list, resources/templates/list, resources/read and (legacy) subscribe. */
final class ResourceMethods {

  private ResourceMethods() {}

  static final Method READ =
      new Method() {
        @Override
        public boolean blocking(RequestContext ctx) {
          String uri = Json.text(ctx.params(), "uri");
          if (uri == null) {
            return false;
          }
          McpResource resource = ctx.definition().resourcesByUri().get(uri);
          if (resource != null) {
            return !resource.inline();
          }
          ServerDefinition.TemplateMatch match = ctx.definition().matchTemplate(uri);
          return match != null && !match.template().inline();
        }

        @Override
        public Result call(RequestContext ctx) throws Exception {
          return read(ctx);
        }
      };

  private static Result read(RequestContext ctx) throws Exception {
    String uri = uri(ctx);
    Access.require(ctx, AccessPolicy.ItemKind.RESOURCE, uri);
    McpResource resource = ctx.definition().resourcesByUri().get(uri);
    ItemRunner.Outcome<List<ResourceContents>> outcome;
    if (resource != null) {
      outcome = ItemRunner.run(ctx, uri, resource::read);
    } else {
      ServerDefinition.TemplateMatch match = ctx.definition().matchTemplate(uri);
      if (match == null) {
        throw McpError.resourceNotFound(uri, ctx.revision());
      }
      Map<String, String> variables = match.variables();
      outcome = ItemRunner.run(ctx, uri, c -> match.template().read(uri, variables, c));
    }
    if (outcome instanceof ItemRunner.NeedsInput<List<ResourceContents>> needs) {
      return needs.result();
    }
    List<ResourceContents> contents = ((ItemRunner.Done<List<ResourceContents>>) outcome).value();
    if (contents == null || contents.isEmpty()) {
      throw McpError.resourceNotFound(uri, ctx.revision());
    }
    return g -> ContentWriter.contents(g, contents);
  }

  /** resources/subscribe (legacy): updates come on the session's GET stream. */
  static final Method SUBSCRIBE =
      ctx -> {
        String uri = uri(ctx);
        if (ctx.session() != null) {
          ctx.session().subscriptions().add(uri);
        }
        return Result.EMPTY;
      };

  static final Method UNSUBSCRIBE =
      ctx -> {
        String uri = uri(ctx);
        if (ctx.session() != null) {
          ctx.session().subscriptions().remove(uri);
        }
        return Result.EMPTY;
      };

  private static String uri(RequestContext ctx) {
    String uri = Json.text(ctx.params(), "uri");
    if (uri == null) {
      throw McpError.invalidParams(ctx.method() + " needs params.uri");
    }
    return uri;
  }
}
