package dev.mcpfleet.e2e.support;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.net.URI;
import java.time.Duration;

/** Clients of the official MCP Java SDK, connected over Streamable HTTP as users' agents are. */
public final class McpClients {

  private McpClients() {}

  /** An initialized client of the server at {@code mcpUrl} (e.g. http://127.0.0.1:PORT/mcp). */
  public static McpSyncClient connect(URI mcpUrl, String bearerToken) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(base(mcpUrl))
            .endpoint(mcpUrl.getRawPath())
            .httpRequestCustomizer(
                (request, method, endpoint, body, context) -> {
                  if (bearerToken != null) {
                    request.header("Authorization", "Bearer " + bearerToken);
                  }
                })
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    client.initialize();
    return client;
  }

  private static String base(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }
}
