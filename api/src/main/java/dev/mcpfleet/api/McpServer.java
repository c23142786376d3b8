package dev.mcpfleet.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One single-purpose MCP server: what its clients see, how it is secured, how it scales. The
 * operator turns it into a Deployment of the shared runtime and the objects around it; the runtime
 * reads the same type to serve it.
 */
@Group(McpServer.GROUP)
@Version(McpServer.VERSION)
@Kind("McpServer")
@Singular("mcpserver")
@Plural("mcpservers")
@ShortNames({"mcp", "mcps"})
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Replicas",
    jsonPath = ".status.readyReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "URL",
    jsonPath = ".status.url",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class McpServer extends CustomResource<McpServerSpec, McpServerStatus>
    implements Namespaced {

  public static final String GROUP = "mcpfleet.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "McpServer";
}
