package dev.mcpfleet.runtime.cli;

/** What {@code serve} prints once it listens: where, and how to connect a client. */
final class ConnectionHelp {

  private ConnectionHelp() {}

  /**
   * @param url the MCP endpoint a local client uses, e.g. http://127.0.0.1:8080/mcp
   * @param allInterfaces whether the server listens on every interface (--bind 0.0.0.0)
   * @param watched the manifest file being watched for edits, or null
   */
  static String text(
      String serverName,
      String version,
      String inventory,
      String url,
      boolean allInterfaces,
      String watched) {
    StringBuilder sb = new StringBuilder();
    sb.append("MCP Fleet is serving ")
        .append(serverName)
        .append(' ')
        .append(version)
        .append(" (")
        .append(inventory)
        .append(")\n\n");
    sb.append("  MCP endpoint  ").append(url).append("   (Streamable HTTP)\n");
    if (allInterfaces) {
      sb.append("                listening on every network interface\n");
    }
    if (watched != null) {
      sb.append("  Watching      ")
          .append(watched)
          .append(": edits are reloaded and clients told\n");
    }
    sb.append("\nConnect a client:\n");
    sb.append("  MCP Inspector:\n");
    sb.append("    npx -y @modelcontextprotocol/inspector@2.12.0 --cli ")
        .append(url)
        .append(" --transport http --method tools/list\n");
    sb.append("  curl (stateless MCP 2026-07-28):\n");
    sb.append("    ").append(curl(url)).append('\n');
    sb.append("  Claude Code:\n");
    sb.append("    claude mcp add --transport http ")
        .append(serverName)
        .append(' ')
        .append(url)
        .append('\n');
    sb.append("\nStop with Ctrl+C.\n");
    return sb.toString();
  }

  /** A curl command line that lists the tools; it is tested to work against serve. */
  static String curl(String url) {
    return "curl -s "
        + url
        + " -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream'"
        + " -H 'MCP-Protocol-Version: 2026-07-28' -H 'Mcp-Method: tools/list'"
        + " -d '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":"
        + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}'";
  }
}
