package dev.mcpfleet.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with {@value #MASK}: the values of the Secrets the server references
 * (and its API keys), and whatever looks like a credential (private keys, JWTs, bearer tokens,
 * cloud and forge tokens, {@code password=...} pairs, passwords in URLs) or matches the manifest's
 * extra patterns. A pattern with a group named {@code secret} masks only that group, so the text
 * keeps saying what was there ({@code password=[REDACTED]}).
 */
public final class Redactor {

  public static final String MASK = "[REDACTED]";

  /** Secret values shorter than this are not redacted: they would mask ordinary words. */
  public static final int MIN_SECRET_LENGTH = 6;

  /** Credential shapes found in upstream answers and error messages. */
  public static final List<Pattern> CREDENTIAL_PATTERNS =
      List.of(
          Pattern.compile(
              "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\\s\\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE"
                  + " KEY-----"),
          Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*"),
          Pattern.compile("(?i)\\b(?:bearer|basic)\\s+(?<secret>[A-Za-z0-9._~+/=-]{12,})"),
          Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
          Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})"),
          Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
          Pattern.compile("\\bsk[-_](?:live_|test_|proj-)?[A-Za-z0-9_-]{20,}"),
          Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
          Pattern.compile(
              "(?i)(?:password|passwd|pwd|secret|client[_-]?secret|api[_-]?key|access[_-]?token"
                  + "|refresh[_-]?token|auth[_-]?token|private[_-]?key)\"?\\s*[:=]\\s*\"?"
                  + "(?<secret>[^\\s\"',;&}]{3,})"),
          Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:(?<secret>[^@\\s/]+)@"));

  /**
   * For each credential pattern, lower-case strings of which the text holds at least one whenever
   * the pattern can match: a text without any of them skips that pattern's regex. Most answers hold
   * none, so a scan costs a few {@code indexOf} calls instead of ten regex passes.
   */
  private static final List<List<String>> CREDENTIAL_HINTS =
      List.of(
          List.of("-----begin "),
          List.of("eyj"),
          List.of("bearer", "basic"),
          List.of("akia", "asia"),
          List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
          List.of("xox"),
          List.of("sk-", "sk_"),
          List.of("aiza"),
          List.of("passw", "pwd", "secret", "key", "token"),
          List.of("://"));

  /** A pattern and the hints that must be present for it to match (empty: always try it). */
  private record Rule(Pattern pattern, List<String> hints, boolean partial) {

    boolean mayMatch(String lowerCase) {
      if (hints.isEmpty()) {
        return true;
      }
      for (String hint : hints) {
        if (lowerCase.contains(hint)) {
          return true;
        }
      }
      return false;
    }
  }

  private final Supplier<? extends Collection<String>> secrets;
  private final List<Rule> rules;

  /**
   * @param secrets the secret values to mask, read on every use (API keys change on rotation)
   * @param patterns the patterns to mask, usually {@link #CREDENTIAL_PATTERNS} plus the manifest's
   */
  public Redactor(Supplier<? extends Collection<String>> secrets, List<Pattern> patterns) {
    this.secrets = secrets;
    List<Rule> rules = new ArrayList<>(patterns.size());
    for (Pattern pattern : patterns) {
      int builtIn = CREDENTIAL_PATTERNS.indexOf(pattern);
      rules.add(
          new Rule(
              pattern,
              builtIn >= 0 ? CREDENTIAL_HINTS.get(builtIn) : List.of(),
              pattern.namedGroups().containsKey("secret")));
    }
    this.rules = List.copyOf(rules);
  }

  /** A redactor that changes nothing. */
  public static Redactor none() {
    return new Redactor(List::of, List.of());
  }

  /** Compiles the manifest's extra patterns, naming the bad one when it is not a regex. */
  public static List<Pattern> compile(List<String> extra) {
    List<Pattern> all = new ArrayList<>(CREDENTIAL_PATTERNS);
    if (extra != null) {
      for (int i = 0; i < extra.size(); i++) {
        try {
          all.add(Pattern.compile(extra.get(i)));
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new IllegalArgumentException(
              "security.output.redactPatterns["
                  + i
                  + "] is not a regular expression: "
                  + e.getDescription());
        }
      }
    }
    return all;
  }

  /** {@code text} with every secret masked; the same instance when there was nothing to mask. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets.get()) {
      if (secret.length() >= MIN_SECRET_LENGTH && result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    // Lower-casing returns the same string when it has no upper-case letter: no copy for most.
    String lowerCase = result.toLowerCase(Locale.ROOT);
    for (Rule rule : rules) {
      if (rule.mayMatch(lowerCase)) {
        String masked = mask(rule, result);
        if (masked != result) {
          result = masked;
          lowerCase = result.toLowerCase(Locale.ROOT);
        }
      }
    }
    return result;
  }

  /** {@code node} with every string value masked; the same instance when nothing changed. */
  public JsonNode redact(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.asText();
      String masked = redact(text);
      return masked.equals(text) ? node : TextNode.valueOf(masked);
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode masked = redact(field.getValue());
        if (masked != field.getValue()) {
          copy = copy == null ? object.deepCopy() : copy;
          copy.set(field.getKey(), masked);
        }
      }
      return copy == null ? node : copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = null;
      for (int i = 0; i < array.size(); i++) {
        JsonNode masked = redact(array.get(i));
        if (masked != array.get(i)) {
          copy = copy == null ? array.deepCopy() : copy;
          copy.set(i, masked);
        }
      }
      return copy == null ? node : copy;
    }
    return node;
  }

  private static String mask(Rule rule, String text) {
    Matcher m = rule.pattern().matcher(text);
    if (!m.find()) {
      return text;
    }
    boolean partial = rule.partial();
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      int start = partial ? m.start("secret") : m.start();
      int end = partial ? m.end("secret") : m.end();
      out.append(text, last, start).append(MASK);
      last = end;
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }
}
