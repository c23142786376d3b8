package dev.mcpfleet.runtime.security;

import java.util.regex.Pattern;

/**
 * A name pattern of the authorization rules: exact, or with {@code *} for any run of characters
 * ({@code weather_*}, {@code file:///docs/*}, {@code *}).
 */
public record Glob(String text, Pattern pattern) {

  /** Compiles {@code text}; characters other than {@code *} match themselves. */
  public static Glob of(String text) {
    StringBuilder regex = new StringBuilder();
    for (String part : text.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return new Glob(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  public boolean matches(String name) {
    return text.equals(name) || (text.indexOf('*') >= 0 && pattern.matcher(name).matches());
  }
}
