package dev.mcpfleet.runtime.template;

import dev.mcpfleet.api.validation.TemplateText;
import dev.mcpfleet.api.validation.TemplateText.Literal;
import dev.mcpfleet.api.validation.TemplateText.Part;
import dev.mcpfleet.api.validation.TemplateText.Placeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text template compiled once into literal and placeholder segments, each placeholder with the
 * escaper of its context; rendering is a single pass that appends to one buffer.
 */
public final class Template {

  private sealed interface Segment {}

  private record Text(String text) implements Segment {}

  private record Slot(List<String> path, Escaper escaper) implements Segment {}

  private final String source;
  private final Segment[] segments;

  private Template(String source, List<Segment> segments) {
    this.source = source;
    this.segments = segments.toArray(Segment[]::new);
  }

  /** A template whose every placeholder uses {@code escaper}. */
  public static Template of(String source, Escaper escaper) {
    List<Segment> segments = new ArrayList<>();
    for (Part part : TemplateText.parse(source).parts()) {
      segments.add(
          switch (part) {
            case Literal l -> new Text(l.text());
            case Placeholder p -> new Slot(p.path(), escaper);
          });
    }
    return new Template(source, segments);
  }

  /** Plain text (tool content, prompt messages, resource text): values as is. */
  public static Template plain(String source) {
    return of(source, Escapers.NONE);
  }

  /**
   * A JSON document: a placeholder inside a string literal is JSON-escaped, one between tokens
   * becomes one JSON value ({@code {"n": {{count}}}} keeps a number a number).
   */
  public static Template json(String source) {
    List<Segment> segments = new ArrayList<>();
    boolean inString = false;
    for (Part part : TemplateText.parse(source).parts()) {
      switch (part) {
        case Literal l -> {
          segments.add(new Text(l.text()));
          inString = stringStateAfter(l.text(), inString);
        }
        case Placeholder p ->
            segments.add(new Slot(p.path(), inString ? Escapers.JSON_STRING : Escapers.JSON_VALUE));
      }
    }
    return new Template(source, segments);
  }

  /**
   * A request body of {@code contentType}: JSON for JSON types, percent-encoded for forms, plain
   * otherwise.
   */
  public static Template body(String source, String contentType) {
    String type = contentType == null ? "application/json" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      return json(source);
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return of(source, Escapers.URL_COMPONENT);
    }
    return plain(source);
  }

  /** Renders the template with {@code values}. */
  public String render(Values values) {
    StringBuilder out = new StringBuilder(source.length() + 32);
    for (Segment segment : segments) {
      switch (segment) {
        case Text t -> out.append(t.text());
        case Slot s -> s.escaper().append(values.get(s.path()), out);
      }
    }
    return out.toString();
  }

  /** True when rendering depends on values. */
  public boolean hasPlaceholders() {
    for (Segment segment : segments) {
      if (segment instanceof Slot) {
        return true;
      }
    }
    return false;
  }

  /** The template as written. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }

  private static boolean stringStateAfter(String json, boolean inString) {
    boolean escaped = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString && escaped) {
        escaped = false;
      } else if (inString && c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = !inString;
      }
    }
    return inString;
  }
}
