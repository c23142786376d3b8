package dev.mcpfleet.runtime.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, and the runtime it runs on. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = McpFleetCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "mcp-fleet " + (version == null ? "(development build)" : version),
      "MCP revisions 2026-07-28, 2025-11-25, 2025-06-18, 2025-03-26",
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
