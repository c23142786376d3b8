package dev.mcpfleet.runtime.template;

import dev.mcpfleet.api.validation.UriTemplate;
import dev.mcpfleet.api.validation.UriTemplate.Expression;
import dev.mcpfleet.api.validation.UriTemplate.Literal;
import dev.mcpfleet.api.validation.UriTemplate.Part;
import dev.mcpfleet.api.validation.UriTemplate.Variable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches URIs against an RFC 6570 template (compiled once into one regular expression) and returns
 * the variables' values, percent-decoded. Simple ({@code {id}}), reserved ({@code {+path}}),
 * fragment, label, path-segment and path-parameter expressions match in place; query expressions
 * ({@code {?q,lang}}, {@code {&page}}) match the query's parameters by name, in any order.
 */
public final class UriTemplateMatcher {

  private final UriTemplate template;
  private final Pattern pattern;
  private final List<String> groups;
  private final List<String> queryNames;

  public UriTemplateMatcher(String uriTemplate) {
    this.template = UriTemplate.parse(uriTemplate);
    StringBuilder regex = new StringBuilder();
    List<String> groups = new ArrayList<>();
    List<String> queryNames = new ArrayList<>();
    for (Part part : template.parts()) {
      switch (part) {
        case Literal l -> regex.append(Pattern.quote(l.text()));
        case Expression e when e.operator() == '?' || e.operator() == '&' ->
            e.variables().forEach(v -> queryNames.add(v.name()));
        case Expression e -> expression(e, regex, groups);
      }
    }
    if (!queryNames.isEmpty()) {
      regex.append("(?:[?&]([^#]*))?");
    }
    this.pattern = Pattern.compile(regex.toString());
    this.groups = List.copyOf(groups);
    this.queryNames = List.copyOf(queryNames);
  }

  /** The template as written. */
  public String template() {
    return template.source();
  }

  /** The template's variable names. */
  public List<String> variables() {
    return List.copyOf(template.variableNames());
  }

  /** The variables of {@code uri}, or null when it does not match the template. */
  public Map<String, String> match(String uri) {
    Matcher m = pattern.matcher(uri);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      String raw = m.group(i + 1);
      if (raw != null) {
        values.put(groups.get(i), decode(raw));
      }
    }
    if (!queryNames.isEmpty() && m.group(groups.size() + 1) != null) {
      for (String pair : m.group(groups.size() + 1).split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (queryNames.contains(name) && !values.containsKey(name)) {
          values.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
    }
    return values;
  }

  private static void expression(Expression e, StringBuilder regex, List<String> groups) {
    List<Variable> vars = e.variables();
    for (int i = 0; i < vars.size(); i++) {
      Variable v = vars.get(i);
      groups.add(v.name());
      switch (e.operator()) {
        case '+' -> regex.append(i == 0 ? "" : ",").append("([^?#]*?)");
        case '#' -> regex.append(i == 0 ? "(?:#" : ",").append("([^,]*?)");
        case '.' ->
            regex.append("(?:\\.(").append(v.explode() ? "[^/?#]*?" : "[^/?#.]*").append("))?");
        case '/' ->
            regex.append("(?:/(").append(v.explode() ? "[^?#]*?" : "[^/?#]*?").append("))?");
        case ';' ->
            regex.append("(?:;").append(Pattern.quote(v.name())).append("(?:=([^;/?#]*))?)?");
        default -> regex.append(i == 0 ? "" : ",").append("([^/?#,]+?)");
      }
    }
    if (e.operator() == '#') {
      regex.append(")?");
    }
  }

  /** Percent-decoding as in URIs: '+' stays a plus, malformed escapes stay as written. */
  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
      if (s.charAt(i) == '%' && hi >= 0 && lo >= 0) {
        bytes.write(hi * 16 + lo);
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
