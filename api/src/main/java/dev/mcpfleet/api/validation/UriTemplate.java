package dev.mcpfleet.api.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An RFC 6570 URI template, parsed: literal parts and expressions such as {@code {id}}, {@code
 * {+path}} or {@code {?q,lang}}. {@link SpecValidator} checks that resource templates parse; the
 * runtime matches URIs against the parts.
 *
 * @param source the template as written
 * @param parts literals and expressions, in order
 */
public record UriTemplate(String source, List<Part> parts) {

  /** Operators of RFC 6570 §2.2 (level 2 and 3); {@code '\0'} is simple string expansion. */
  private static final String OPERATORS = "+#./;?&";

  private static final String RESERVED_OPERATORS = "=,!@|";
  private static final String FORBIDDEN_LITERALS = " \"'<>\\^`{|}";
  private static final java.util.regex.Pattern PREFIX =
      java.util.regex.Pattern.compile("[1-9][0-9]{0,3}");

  public UriTemplate {
    parts = List.copyOf(parts);
  }

  /** A piece of a template. */
  public sealed interface Part {}

  /** Literal characters. */
  public record Literal(String text) implements Part {}

  /**
   * An expression.
   *
   * @param operator one of {@code + # . / ; ? &}, or {@code '\0'} for simple expansion
   * @param variables its variables
   */
  public record Expression(char operator, List<Variable> variables) implements Part {
    public Expression {
      variables = List.copyOf(variables);
    }
  }

  /**
   * One variable of an expression.
   *
   * @param name the variable's name
   * @param prefix the prefix length ({@code {var:3}}), or 0
   * @param explode whether it is exploded ({@code {list*}})
   */
  public record Variable(String name, int prefix, boolean explode) {}

  /**
   * Parses a URI template.
   *
   * @throws IllegalArgumentException when it is not a well-formed RFC 6570 template; the message
   *     says where and why
   */
  public static UriTemplate parse(String source) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '{') {
        int close = source.indexOf('}', i + 1);
        if (close < 0) {
          throw new IllegalArgumentException(
              "'{' at character " + (i + 1) + " is never closed; write {variable}");
        }
        if (!literal.isEmpty()) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(expression(source.substring(i + 1, close), i));
        i = close + 1;
      } else if (c == '%') {
        if (i + 2 >= source.length() || !hex(source.charAt(i + 1)) || !hex(source.charAt(i + 2))) {
          throw new IllegalArgumentException(
              "'%' at character " + (i + 1) + " must start a percent-encoding such as %20");
        }
        literal.append(source, i, i + 3);
        i += 3;
      } else if (c < 0x20 || c == 0x7f || FORBIDDEN_LITERALS.indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "character "
                + (i + 1)
                + " ('"
                + c
                + "') is not allowed in a URI template; percent-encode it");
      } else {
        literal.append(c);
        i++;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    return new UriTemplate(source, parts);
  }

  /** The names of all variables, in order of first appearance. */
  public Set<String> variableNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Part part : parts) {
      if (part instanceof Expression e) {
        e.variables().forEach(v -> names.add(v.name()));
      }
    }
    return names;
  }

  private static Expression expression(String body, int at) {
    String where = " in the expression at character " + (at + 1);
    if (body.isEmpty()) {
      throw new IllegalArgumentException("'{}' at character " + (at + 1) + " names no variable");
    }
    char first = body.charAt(0);
    if (RESERVED_OPERATORS.indexOf(first) >= 0) {
      throw new IllegalArgumentException(
          "operator '"
              + first
              + "'"
              + where
              + " is reserved by RFC 6570; use one of + # . / ; ? &");
    }
    char operator = OPERATORS.indexOf(first) >= 0 ? first : '\0';
    String list = operator == '\0' ? body : body.substring(1);
    List<Variable> variables = new ArrayList<>();
    for (String spec : list.split(",", -1)) {
      variables.add(variable(spec, where));
    }
    return new Expression(operator, variables);
  }

  private static Variable variable(String spec, String where) {
    String name = spec;
    int prefix = 0;
    boolean explode = false;
    if (spec.endsWith("*")) {
      explode = true;
      name = spec.substring(0, spec.length() - 1);
    } else if (spec.contains(":")) {
      name = spec.substring(0, spec.indexOf(':'));
      String digits = spec.substring(spec.indexOf(':') + 1);
      if (!PREFIX.matcher(digits).matches()) {
        throw new IllegalArgumentException(
            "prefix ':" + digits + "'" + where + " must be a number from 1 to 9999");
      }
      prefix = Integer.parseInt(digits);
    }
    if (!validName(name)) {
      throw new IllegalArgumentException(
          "'"
              + spec
              + "'"
              + where
              + " is not a variable name; use letters, digits, '_' and '.' (e.g. {id})");
    }
    return new Variable(name, prefix, explode);
  }

  private static boolean validName(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (c == '%' && i + 2 < name.length() && hex(name.charAt(i + 1)) && hex(name.charAt(i + 2))) {
        i += 2;
        ok = true;
      }
      if (!ok && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
