package dev.mcpfleet.e2e.support;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Clients of the official MCP Java SDK, connected over Streamable HTTP as users' agents are. */
public final class McpClients {

  private McpClients() {}

  /** An initialized client of the server at {@code mcpUrl} (e.g. http://127.0.0.1:PORT/mcp). */
  public static McpSyncClient connect(URI mcpUrl, String bearerToken) {
    HttpRequest.Builder requests = HttpRequest.newBuilder();
    if (bearerToken != null) {
      requests.header("Authorization", "Bearer " + bearerToken);
    }
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(base(mcpUrl))
            .endpoint(mcpUrl.getRawPath())
            .requestBuilder(requests)
            .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    client.initialize();
    return client;
  }

  private static String base(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }
}
