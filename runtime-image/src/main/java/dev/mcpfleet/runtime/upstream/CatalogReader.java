package dev.mcpfleet.runtime.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.runtime.definition.ServerDefinition.ServerInfo;
import dev.mcpfleet.runtime.protocol.Json;
import dev.mcpfleet.runtime.security.InputValidationLayer;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.template.UriTemplateMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists what the fronted server offers, every page of each list, and turns it into items. An item
 * the runtime cannot serve is left out with a warning in the log, never the whole catalog: one
 * without a name, a second one of the same name, a tool whose inputSchema does not compile, a
 * template that is not RFC 6570.
 */
final class CatalogReader {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogReader.class);

  /** A bound on pages per list, against a server whose cursors never end. */
  static final int MAX_PAGES = 1000;

  /** Sends one listing request to the server being read. */
  @FunctionalInterface
  interface Requester {
    JsonNode request(String method, ObjectNode params) throws Exception;
  }

  private final Requester requester;
  private final UpstreamLink link;

  CatalogReader(Requester requester, UpstreamLink link) {
    this.requester = requester;
    this.link = link;
  }

  /** The whole catalog of a server that said {@code facts} about itself. */
  Catalog read(Handshake.ServerFacts facts, ServerInfo info) throws Exception {
    return refresh(Catalog.empty(info), facts, Set.of("tools", "resources", "prompts"));
  }

  /** {@code current} with the lists of {@code kinds} read again. */
  Catalog refresh(Catalog current, Handshake.ServerFacts facts, Set<String> kinds)
      throws Exception {
    List<McpTool> tools = current.tools();
    List<McpResource> resources = current.resources();
    List<McpResourceTemplate> templates = current.templates();
    List<McpPrompt> prompts = current.prompts();
    if (kinds.contains("tools")) {
      tools = facts.offers("tools") ? tools() : List.of();
    }
    if (kinds.contains("resources")) {
      resources = facts.offers("resources") ? resources() : List.of();
      templates = facts.offers("resources") ? templates() : List.of();
    }
    if (kinds.contains("prompts")) {
      prompts = facts.offers("prompts") ? prompts() : List.of();
    }
    return new Catalog(current.info(), tools, resources, templates, prompts);
  }

  private List<McpTool> tools() throws Exception {
    List<McpTool> tools = new ArrayList<>();
    for (JsonNode listed : unique(all("tools/list", "tools"), "name", "tool")) {
      UpstreamTool tool = new UpstreamTool(WireDescriptors.tool(listed), link);
      try {
        new InputValidationLayer(List.of(tool));
        tools.add(tool);
      } catch (IllegalArgumentException e) {
        LOG.warn("upstream {}; the tool is not served", e.getMessage());
      }
    }
    return tools;
  }

  private List<McpResource> resources() throws Exception {
    return unique(all("resources/list", "resources"), "uri", "resource").stream()
        .map(r -> (McpResource) new UpstreamResource(WireDescriptors.resource(r), link))
        .toList();
  }

  private List<McpResourceTemplate> templates() throws Exception {
    List<McpResourceTemplate> templates = new ArrayList<>();
    for (JsonNode listed :
        unique(all("resources/templates/list", "resourceTemplates"), "uriTemplate", "template")) {
      String uriTemplate = Json.text(listed, "uriTemplate");
      try {
        new UriTemplateMatcher(uriTemplate);
        templates.add(new UpstreamTemplate(WireDescriptors.template(listed), link));
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "upstream resource template '{}' is not RFC 6570 ({}); it is not served",
            uriTemplate,
            e.getMessage());
      }
    }
    return templates;
  }

  private List<McpPrompt> prompts() throws Exception {
    return unique(all("prompts/list", "prompts"), "name", "prompt").stream()
        .map(p -> (McpPrompt) new UpstreamPrompt(WireDescriptors.prompt(p), link))
        .toList();
  }

  /** Every entry of a paginated list, following nextCursor. */
  private List<JsonNode> all(String method, String field) throws Exception {
    List<JsonNode> entries = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ObjectNode params = Json.object();
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      JsonNode result;
      try {
        result = requester.request(method, params);
      } catch (UpstreamException e) {
        if (e.code() != -32601 || page > 0) {
          throw e;
        }
        // A server that declares a capability without every list of it (templates, say).
        LOG.warn(
            "upstream does not answer {} ({}); nothing of it is served", method, e.getMessage());
        return entries;
      }
      result.path(field).forEach(entries::add);
      cursor = Json.text(result, "nextCursor");
      if (cursor == null || cursor.isEmpty()) {
        return entries;
      }
      if (!cursors.add(cursor)) {
        LOG.warn("upstream {} repeated cursor '{}'; the list ends there", method, cursor);
        return entries;
      }
    }
    LOG.warn("upstream {} has more than {} pages; the rest is not served", method, MAX_PAGES);
    return entries;
  }

  /** The entries with a key, first of each key only. */
  private static List<JsonNode> unique(List<JsonNode> entries, String key, String what) {
    Set<String> seen = new HashSet<>();
    List<JsonNode> kept = new ArrayList<>();
    for (JsonNode entry : entries) {
      String value = Json.text(entry, key);
      if (value == null || value.isEmpty()) {
        LOG.warn("upstream listed a {} without '{}'; it is not served", what, key);
      } else if (!seen.add(value)) {
        LOG.warn("upstream listed the {} '{}' twice; the first one is served", what, value);
      } else {
        kept.add(entry);
      }
    }
    return kept;
  }

  /** The server's identity from its initialize result; {@code fallbackName} when it gave none. */
  static ServerInfo info(Handshake.ServerFacts facts, String fallbackName) {
    JsonNode server = facts.serverInfo();
    return new ServerInfo(
        Objects.requireNonNullElse(Json.text(server, "name"), fallbackName),
        Objects.requireNonNullElse(Json.text(server, "version"), "0.0.0"),
        Json.text(server, "title"),
        Json.text(server, "description"),
        facts.instructions(),
        WireDescriptors.icons(server.get("icons")));
  }
}
