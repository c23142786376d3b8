package dev.mcpfleet.runtime.spi;

import java.util.List;
import java.util.Map;

/** A prompt template. */
public interface McpPrompt {

  /** What clients see in prompts/list. */
  PromptDescriptor descriptor();

  /**
   * Expands the prompt. Required arguments have been checked to be present.
   *
   * @throws IllegalArgumentException when an argument value is unusable (the client gets -32602
   *     with the message)
   */
  PromptResult get(Map<String, String> arguments, CallContext context) throws Exception;

  /** Candidate values for an argument that start with {@code prefix} (completion/complete). */
  default List<String> complete(String argument, String prefix, Map<String, String> context) {
    return List.of();
  }

  /**
   * True when {@link #get} never blocks (it computes from memory), so the runtime may answer on the
   * connection's event loop instead of a virtual thread.
   */
  default boolean inline() {
    return false;
  }

  /** A prompt as prompts/list shows it. */
  record PromptDescriptor(
      String name,
      String title,
      String description,
      List<Argument> arguments,
      List<ToolDescriptor.Icon> icons) {

    public PromptDescriptor {
      arguments = arguments == null ? List.of() : List.copyOf(arguments);
      icons = icons == null ? List.of() : List.copyOf(icons);
    }
  }

  /** One argument of a prompt. */
  record Argument(String name, String title, String description, boolean required) {}

  /** An expanded prompt: optional description and its messages. */
  record PromptResult(String description, List<Message> messages) {
    public PromptResult {
      messages = List.copyOf(messages);
    }
  }

  /** One message: role (user or assistant) and content. */
  record Message(String role, Content content) {}
}
