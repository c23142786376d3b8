package dev.mcpfleet.api.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The manifest's text templates: literal text with {@code {{name}}} placeholders, where a name is
 * an argument (or URI template variable) and may be a dotted path into an object argument ({@code
 * {{location.city}}}). {@code \{{} writes literal braces. Parsed once; the runtime renders the
 * parts with the escaper of the template's context, and {@link SpecValidator} checks the names.
 *
 * @param source the template as written
 * @param parts literal text and placeholders, in order
 */
public record TemplateText(String source, List<Part> parts) {

  public TemplateText {
    parts = List.copyOf(parts);
  }

  /** A piece of a template. */
  public sealed interface Part {}

  /** Text copied as is. */
  public record Literal(String text) implements Part {}

  /**
   * A placeholder.
   *
   * @param path the dotted name split at its dots: {@code [location, city]}
   * @param offset where it starts in the source, for messages
   */
  public record Placeholder(List<String> path, int offset) implements Part {
    public Placeholder {
      path = List.copyOf(path);
    }

    /** The name as written, e.g. {@code location.city}. */
    public String name() {
      return String.join(".", path);
    }

    /** The argument it reads: the first segment of the path. */
    public String root() {
      return path.get(0);
    }
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException when a {@code {{} is not closed or holds no valid name; the
   *     message says where and what to write instead
   */
  public static TemplateText parse(String source) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '\\' && source.startsWith("{{", i + 1)) {
        literal.append("{{");
        i += 3;
      } else if (c == '{' && source.startsWith("{{", i) && !source.startsWith("{{{", i)) {
        int close = source.indexOf("}}", i + 2);
        if (close < 0) {
          throw new IllegalArgumentException(
              "'{{' at character "
                  + (i + 1)
                  + " is never closed; close the placeholder with }} or write \\{{ for literal"
                  + " braces");
        }
        String name = source.substring(i + 2, close).strip();
        if (!validName(name)) {
          throw new IllegalArgumentException(
              "'"
                  + source.substring(i, close + 2)
                  + "' at character "
                  + (i + 1)
                  + " is not a placeholder; write {{argument}} or {{argument.field}} with letters,"
                  + " digits, '_' and '-', or \\{{ for literal braces");
        }
        if (!literal.isEmpty()) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(new Placeholder(List.of(name.split("\\.")), i));
        i = close + 2;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    return new TemplateText(source, parts);
  }

  /** True when the template has at least one placeholder. */
  public boolean hasPlaceholders() {
    return parts.stream().anyMatch(Placeholder.class::isInstance);
  }

  /** The placeholders, in order. */
  public List<Placeholder> placeholders() {
    return parts.stream()
        .filter(Placeholder.class::isInstance)
        .map(Placeholder.class::cast)
        .toList();
  }

  /** The arguments the template reads (first path segments), in order of first use. */
  public Set<String> roots() {
    Set<String> roots = new LinkedHashSet<>();
    placeholders().forEach(p -> roots.add(p.root()));
    return roots;
  }

  /**
   * The single placeholder when the template is nothing else (e.g. {@code "{{count}}"}), so that a
   * JSON value can take the argument's own type; else null.
   */
  public Placeholder whole() {
    return parts.size() == 1 && parts.get(0) instanceof Placeholder p ? p : null;
  }

  private static boolean validName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    boolean segmentStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (segmentStart) {
          return false;
        }
        segmentStart = true;
        continue;
      }
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      if (!(letter || digit || c == '-') || (i == 0 && !letter)) {
        return false;
      }
      segmentStart = false;
    }
    return !segmentStart;
  }
}
