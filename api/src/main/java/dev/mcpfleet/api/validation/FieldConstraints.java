package dev.mcpfleet.api.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpfleet.api.spec.Durations;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The checks the CRD's OpenAPI schema makes (required, sizes, patterns, bounds) and its CEL rules,
 * read from the same annotations the CRD is generated from, so that a manifest given to {@code
 * serve} (no API server) meets every rule a cluster would enforce. Walks the spec's records once;
 * Kubernetes model types (selectors, resources, ...) are left to the API server.
 */
final class FieldConstraints {

  private static final String API_PACKAGE = "dev.mcpfleet.api";

  /** What the walk needs to know of one record component, read once per class. */
  private record Component(
      String jsonName,
      Method accessor,
      boolean required,
      Bounds bounds,
      Bounds elementBounds,
      String description) {}

  /**
   * Size, pattern and bounds of a value, or of each element of a list (annotations on the type
   * argument, as in {@code List<@Size(max = 253) String>}).
   */
  private record Bounds(Size size, java.util.regex.Pattern pattern, Min min, Max max) {

    static Bounds of(AnnotatedElement element) {
      if (element == null) {
        return null;
      }
      Pattern pattern = element.getAnnotation(Pattern.class);
      Bounds bounds =
          new Bounds(
              element.getAnnotation(Size.class),
              pattern == null ? null : java.util.regex.Pattern.compile(pattern.value()),
              element.getAnnotation(Min.class),
              element.getAnnotation(Max.class));
      return bounds.equals(new Bounds(null, null, null, null)) ? null : bounds;
    }
  }

  private static final ClassValue<List<Component>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
          List<Component> components = new ArrayList<>();
          for (RecordComponent rc : type.getRecordComponents()) {
            components.add(component(type, rc));
          }
          return List.copyOf(components);
        }
      };

  private FieldConstraints() {}

  /** Checks {@code value} (a record of the api package) and everything below it. */
  static void check(Object value, String path, Problems out) {
    if (value == null) {
      return;
    }
    Class<?> type = value.getClass();
    if (type.isRecord() && type.getName().startsWith(API_PACKAGE)) {
      for (ValidationRule rule : type.getAnnotationsByType(ValidationRule.class)) {
        CelCounterparts.check(rule, value, path, out);
      }
      for (Component c : COMPONENTS.get(type)) {
        String at = Problems.at(path, c.jsonName());
        Object field = read(c.accessor(), value);
        constraints(c, field, at, out);
        if (c.elementBounds() != null && field instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            bounds(c.elementBounds(), list.get(i), Problems.at(at, i), "", out);
          }
        }
        check(field, at, out);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), Problems.at(path, i), out);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> check(v, Problems.at(path, String.valueOf(k)), out));
    }
  }

  private static void constraints(Component c, Object value, String at, Problems out) {
    if (value == null) {
      if (c.required()) {
        out.add(at, "is required" + hint(c));
      }
      return;
    }
    if (c.bounds() != null) {
      bounds(c.bounds(), value, at, hint(c), out);
    }
  }

  private static void bounds(Bounds b, Object value, String at, String hint, Problems out) {
    if (value == null) {
      return;
    }
    if (b.size() != null) {
      size(b.size(), value, at, out);
    }
    if (value instanceof String s && b.pattern() != null) {
      if (!b.pattern().matcher(s).find()) {
        out.add(at, "'" + s + "' does not match " + b.pattern().pattern() + hint);
      } else if (Durations.PATTERN.equals(b.pattern().pattern())) {
        duration(s, at, out);
      }
    }
    if (value instanceof Number n) {
      if (b.min() != null && n.doubleValue() < b.min().value()) {
        out.add(at, "is " + n + "; it must be at least " + bound(b.min().value()));
      }
      if (b.max() != null && n.doubleValue() > b.max().value()) {
        out.add(at, "is " + n + "; it must be at most " + bound(b.max().value()));
      }
    }
  }

  private static void size(Size size, Object value, String at, Problems out) {
    long n;
    String unit;
    if (value instanceof String s) {
      n = s.codePointCount(0, s.length());
      unit = "characters";
    } else if (value instanceof Collection<?> c) {
      n = c.size();
      unit = "entries";
    } else if (value instanceof Map<?, ?> m) {
      n = m.size();
      unit = "entries";
    } else {
      return;
    }
    if (n < size.min()) {
      out.add(
          at, n == 0 ? "must not be empty" : "has " + n + " " + unit + "; at least " + size.min());
    } else if (n > size.max()) {
      out.add(at, "has " + n + " " + unit + "; at most " + size.max() + " are allowed");
    }
  }

  private static void duration(String text, String at, Problems out) {
    try {
      Durations.parse(text, null);
    } catch (ArithmeticException | NumberFormatException e) {
      out.add(at, "'" + text + "' is too long a duration; write a smaller one such as 30s or 5m");
    }
  }

  private static String hint(Component c) {
    if (c.description() == null || c.description().isEmpty()) {
      return "";
    }
    String d = c.description();
    int end = d.indexOf(". ");
    return " (" + (end > 0 ? d.substring(0, end) : d.replaceAll("\\.$", "")) + ")";
  }

  private static String bound(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static Object read(Method accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }

  private static Component component(Class<?> type, RecordComponent rc) {
    Field field;
    try {
      field = type.getDeclaredField(rc.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    JsonPropertyDescription description = field.getAnnotation(JsonPropertyDescription.class);
    AnnotatedElement element =
        field.getAnnotatedType() instanceof AnnotatedParameterizedType list
                && List.class.isAssignableFrom(field.getType())
            ? list.getAnnotatedActualTypeArguments()[0]
            : null;
    return new Component(
        property != null && !property.value().isEmpty() ? property.value() : rc.getName(),
        rc.getAccessor(),
        field.isAnnotationPresent(Required.class),
        Bounds.of(field),
        Bounds.of(element),
        description == null ? null : description.value());
  }
}
