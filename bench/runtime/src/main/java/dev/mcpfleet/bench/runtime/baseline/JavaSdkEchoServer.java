package dev.mcpfleet.bench.runtime.baseline;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/**
 * The official MCP Java SDK serving the benchmark's echo tool: its stateless Streamable HTTP
 * servlet transport (POST only, JSON answers, no session: the shape closest to the runtime's) on
 * embedded Tomcat, as the SDK's own integration tests run it. Tool handlers run on the servlet
 * thread ({@code immediateExecution}), which is the SDK's fastest setting for a blocking container.
 */
public final class JavaSdkEchoServer implements AutoCloseable {

  private final Tomcat tomcat;
  private final McpStatelessSyncServer server;

  private JavaSdkEchoServer(Tomcat tomcat, McpStatelessSyncServer server) {
    this.tomcat = tomcat;
    this.server = server;
  }

  /** Starts the server on 127.0.0.1:{@code port} (0 picks one), MCP endpoint {@code /mcp}. */
  public static JavaSdkEchoServer start(int port) throws Exception {
    HttpServletStatelessServerTransport transport =
        HttpServletStatelessServerTransport.builder().messageEndpoint("/mcp").build();
    McpStatelessSyncServer server =
        McpServer.sync(transport)
            .serverInfo("mcp-fleet-bench-java-sdk", "1.0.0")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .immediateExecution(true)
            .tools(echoTool())
            .build();

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("mcp-fleet-bench-tomcat").toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    tomcat.getConnector().setPort(port);
    Context context = tomcat.addContext("", null);
    Wrapper wrapper = context.createWrapper();
    wrapper.setName("mcp");
    wrapper.setServlet(transport);
    wrapper.setLoadOnStartup(1);
    wrapper.setAsyncSupported(true);
    context.addChild(wrapper);
    context.addServletMappingDecoded("/*", "mcp");
    tomcat.start();
    return new JavaSdkEchoServer(tomcat, server);
  }

  private static SyncToolSpecification echoTool() {
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name("echo")
            .description("Returns the message it is given.")
            .inputSchema(
                Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of("message", Map.of("type", "string")),
                    "required",
                    List.of("message")))
            .build();
    return new SyncToolSpecification(
        tool,
        (context, request) ->
            CallToolResult.builder()
                .content(
                    List.of(new TextContent(String.valueOf(request.arguments().get("message")))))
                .isError(false)
                .build());
  }

  /** The bound port. */
  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.close();
    tomcat.stop();
    tomcat.destroy();
  }

  /** Runs the server until the process is killed. Argument: {@code <port>}. */
  public static void main(String[] args) throws Exception {
    JavaSdkEchoServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    System.out.println("listening on " + server.port());
    server.tomcat.getServer().await();
  }
}
