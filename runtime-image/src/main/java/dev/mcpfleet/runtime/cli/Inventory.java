package dev.mcpfleet.runtime.cli;

import dev.mcpfleet.runtime.definition.ServerDefinition;
import java.util.List;

/** "3 tools, 2 resources, 1 resource template, 1 prompt": what a server offers, in words. */
final class Inventory {

  private Inventory() {}

  static String of(ServerDefinition d) {
    return of(d.tools(), d.resources(), d.resourceTemplates(), d.prompts());
  }

  private static String of(List<?> tools, List<?> resources, List<?> templates, List<?> prompts) {
    return count(tools, "tool")
        + ", "
        + count(resources, "resource")
        + ", "
        + count(templates, "resource template")
        + ", "
        + count(prompts, "prompt");
  }

  private static String count(List<?> items, String noun) {
    int n = items == null ? 0 : items.size();
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
