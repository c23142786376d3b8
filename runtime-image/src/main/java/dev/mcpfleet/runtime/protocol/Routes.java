package dev.mcpfleet.runtime.protocol;

import dev.mcpfleet.runtime.protocol.Dispatcher.Era;

/** Every method the runtime answers, and the revisions that define it: the table in one place. */
final class Routes {

  private Routes() {}

  static Dispatcher dispatcher(McpServices services) {
    return new Dispatcher(services)
        .route("ping", Era.LEGACY, LifecycleMethods.PING)
        .route("logging/setLevel", Era.LEGACY, LifecycleMethods.SET_LEVEL)
        .route("server/discover", Era.STATELESS, LifecycleMethods.DISCOVER)
        .route("tools/list", Era.BOTH, ToolMethods.LIST)
        .route("tools/call", Era.BOTH, ToolMethods.CALL)
        .route("resources/list", Era.BOTH, ResourceMethods.LIST)
        .route("resources/templates/list", Era.BOTH, ResourceMethods.TEMPLATES)
        .route("resources/read", Era.BOTH, ResourceMethods.READ)
        .route("resources/subscribe", Era.LEGACY, ResourceMethods.SUBSCRIBE)
        .route("resources/unsubscribe", Era.LEGACY, ResourceMethods.UNSUBSCRIBE)
        .route("prompts/list", Era.BOTH, PromptMethods.LIST)
        .route("prompts/get", Era.BOTH, PromptMethods.GET)
        .route("completion/complete", Era.BOTH, new CompletionMethod())
        .route("subscriptions/listen", Era.STATELESS, new ListenMethod());
  }
}
