package dev.mcpfleet.runtime.security;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Collection;
import java.util.List;

/**
 * This server's OAuth 2.0 Protected Resource Metadata (RFC 9728), which MCP clients read to find
 * the authorization server. Served at the well-known URI built from the resource identifier ({@code
 * https://host/.well-known/oauth-protected-resource/mcp} for {@code https://host/mcp}) and at the
 * root variant, since clients try both.
 *
 * @param resource the canonical resource identifier (the server's MCP URL)
 * @param authorizationServers issuers clients may get tokens from
 * @param scopesSupported scopes this server understands (required ones and those rules name)
 * @param resourceName a human-readable name, or null
 */
public record ProtectedResourceMetadata(
    URI resource,
    List<String> authorizationServers,
    List<String> scopesSupported,
    String resourceName) {

  /** The well-known path prefix of RFC 9728. */
  public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

  public ProtectedResourceMetadata {
    if (resource.getScheme() == null || resource.getHost() == null) {
      throw new IllegalArgumentException(
          "security.auth.jwt.resource '"
              + resource
              + "' must be an absolute URL such as https://mcp.example.com/mcp");
    }
    authorizationServers = List.copyOf(authorizationServers);
    scopesSupported = List.copyOf(scopesSupported);
  }

  /** Metadata from the resource URI, servers and the scopes in use (duplicates dropped). */
  public static ProtectedResourceMetadata of(
      String resource, List<String> servers, Collection<String> scopes, String name) {
    return new ProtectedResourceMetadata(
        URI.create(resource), servers, scopes.stream().distinct().sorted().toList(), name);
  }

  /** The absolute URL that {@code WWW-Authenticate: Bearer resource_metadata=...} points at. */
  public String metadataUrl() {
    String origin = resource.getScheme() + "://" + resource.getRawAuthority();
    return origin + wellKnownPath();
  }

  /** The path-suffixed well-known path, e.g. {@code /.well-known/oauth-protected-resource/mcp}. */
  public String wellKnownPath() {
    String path = resource.getRawPath();
    return path == null || path.isEmpty() || path.equals("/") ? WELL_KNOWN : WELL_KNOWN + path;
  }

  /** Both paths the document is served at: path-suffixed first, then the root variant. */
  public List<String> paths() {
    String suffixed = wellKnownPath();
    return suffixed.equals(WELL_KNOWN) ? List.of(WELL_KNOWN) : List.of(suffixed, WELL_KNOWN);
  }

  /** The JSON document. */
  public ObjectNode document() {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("resource", resource.toString());
    authorizationServers.forEach(doc.putArray("authorization_servers")::add);
    if (!scopesSupported.isEmpty()) {
      scopesSupported.forEach(doc.putArray("scopes_supported")::add);
    }
    doc.putArray("bearer_methods_supported").add("header");
    if (resourceName != null) {
      doc.put("resource_name", resourceName);
    }
    return doc;
  }
}
