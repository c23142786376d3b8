package dev.mcpfleet.runtime.protocol;

import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches URIs against the definition's resource templates (RFC 6570 simple {@code {var}} and
 * reserved {@code {+var}} expressions). Templates are compiled once per definition snapshot.
 */
final class UriTemplates {

  /** A template that matched, with its variables' values. */
  record Match(McpResourceTemplate template, Map<String, String> variables) {}

  private record Compiled(McpResourceTemplate template, Pattern pattern, List<String> names) {}

  private record Cache(ServerDefinition definition, List<Compiled> compiled) {}

  private static volatile Cache cache;

  private UriTemplates() {}

  /** The first template matching {@code uri}, or null. */
  static Match match(ServerDefinition definition, String uri) {
    for (Compiled c : compiled(definition)) {
      Matcher m = c.pattern().matcher(uri);
      if (m.matches()) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < c.names().size(); i++) {
          variables.put(
              c.names().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
        }
        return new Match(c.template(), variables);
      }
    }
    return null;
  }

  private static List<Compiled> compiled(ServerDefinition definition) {
    Cache current = cache;
    if (current == null || current.definition() != definition) {
      List<Compiled> compiled = new ArrayList<>();
      for (McpResourceTemplate t : definition.resourceTemplates()) {
        compiled.add(compile(t));
      }
      current = new Cache(definition, List.copyOf(compiled));
      cache = current;
    }
    return current.compiled();
  }

  static Compiled compile(McpResourceTemplate template) {
    String source = template.descriptor().uriTemplate();
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      int open = source.indexOf('{', i);
      if (open < 0) {
        regex.append(Pattern.quote(source.substring(i)));
        break;
      }
      int close = source.indexOf('}', open);
      if (close < 0) {
        regex.append(Pattern.quote(source.substring(i)));
        break;
      }
      if (open > i) {
        regex.append(Pattern.quote(source.substring(i, open)));
      }
      String expression = source.substring(open + 1, close);
      boolean reserved = expression.startsWith("+");
      names.add(reserved ? expression.substring(1) : expression);
      regex.append(reserved ? "(.+?)" : "([^/?#]+)");
      i = close + 1;
    }
    return new Compiled(template, Pattern.compile(regex.toString()), List.copyOf(names));
  }
}
