package dev.mcpfleet.runtime.protocol;

import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.pipeline.AccessPolicy.ItemKind;
import dev.mcpfleet.runtime.protocol.Dispatcher.Era;

/** Every method the runtime answers, and the revisions that define it: the table in one place. */
final class Routes {

  private Routes() {}

  static Dispatcher dispatcher(McpServices services) {
    return new Dispatcher(services)
        .route("ping", Era.LEGACY, LifecycleMethods.PING)
        .route("logging/setLevel", Era.LEGACY, LifecycleMethods.SET_LEVEL)
        .route("server/discover", Era.STATELESS, LifecycleMethods.DISCOVER)
        .route(
            "tools/list",
            Era.BOTH,
            new ListMethod<>(
                "tools",
                ServerDefinition::tools,
                ItemKind.TOOL,
                t -> t.descriptor().name(),
                (g, t, revision) -> Descriptors.tool(g, t.descriptor(), revision)))
        .route("tools/call", Era.BOTH, ToolMethods.CALL)
        .route(
            "resources/list",
            Era.BOTH,
            new ListMethod<>(
                "resources",
                ServerDefinition::resources,
                ItemKind.RESOURCE,
                r -> r.descriptor().uri(),
                (g, r, revision) -> Descriptors.resource(g, r.descriptor())))
        .route(
            "resources/templates/list",
            Era.BOTH,
            new ListMethod<>(
                "resourceTemplates",
                ServerDefinition::resourceTemplates,
                null,
                t -> t.descriptor().uriTemplate(),
                (g, t, revision) -> Descriptors.template(g, t.descriptor())))
        .route("resources/read", Era.BOTH, ResourceMethods.READ)
        .route("resources/subscribe", Era.LEGACY, ResourceMethods.SUBSCRIBE)
        .route("resources/unsubscribe", Era.LEGACY, ResourceMethods.UNSUBSCRIBE)
        .route(
            "prompts/list",
            Era.BOTH,
            new ListMethod<>(
                "prompts",
                ServerDefinition::prompts,
                ItemKind.PROMPT,
                p -> p.descriptor().name(),
                (g, p, revision) -> Descriptors.prompt(g, p.descriptor())))
        .route("prompts/get", Era.BOTH, PromptMethods.GET)
        .route("completion/complete", Era.BOTH, new CompletionMethod())
        .route("subscriptions/listen", Era.STATELESS, new ListenMethod());
  }
}
