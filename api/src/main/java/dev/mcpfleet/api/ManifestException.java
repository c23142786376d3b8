package dev.mcpfleet.api;

import java.util.List;

/**
 * A manifest that cannot be used, with every problem found: where (file and path inside it) and
 * what to fix.
 */
public final class ManifestException extends Exception {

  private final List<Problem> problems;

  public ManifestException(String source, List<Problem> problems) {
    super(render(source, problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(String source, List<Problem> problems) {
    StringBuilder sb = new StringBuilder(source).append(": ");
    if (problems.size() == 1) {
      return sb.append(problems.get(0)).toString();
    }
    sb.append(problems.size()).append(" problems");
    problems.forEach(p -> sb.append("\n  - ").append(p));
    return sb.toString();
  }

  /**
   * One problem at a path such as {@code spec.server.tools[0].name}; the message says what to fix.
   */
  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return path == null || path.isEmpty() ? message : path + ": " + message;
    }
  }
}
