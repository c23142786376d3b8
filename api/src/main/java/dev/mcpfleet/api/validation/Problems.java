package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.ManifestException.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one validation run, each at a path inside the manifest. */
final class Problems {

  private final List<Problem> found = new ArrayList<>();

  void add(String path, String message) {
    found.add(new Problem(path, message));
  }

  List<Problem> list() {
    return List.copyOf(found);
  }

  /** {@code parent[index]}. */
  static String at(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** {@code parent.field}. */
  static String at(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }
}
