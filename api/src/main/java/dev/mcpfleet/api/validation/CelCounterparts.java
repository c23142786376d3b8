package dev.mcpfleet.api.validation;

import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.spec.AuthSpec;
import dev.mcpfleet.api.spec.ContentSpec;
import dev.mcpfleet.api.spec.ContentSpec.EmbeddedResourceSpec;
import dev.mcpfleet.api.spec.HttpHeaderSpec;
import dev.mcpfleet.api.spec.ResilienceSpec.RedisSpec;
import dev.mcpfleet.api.spec.ResourceSpec;
import dev.mcpfleet.api.spec.ResourceTemplateSpec;
import dev.mcpfleet.api.spec.ScalingSpec;
import dev.mcpfleet.api.spec.ScalingSpec.AutoscalingSpec;
import dev.mcpfleet.api.spec.ScalingSpec.DisruptionBudgetSpec;
import dev.mcpfleet.api.spec.ServerSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.api.spec.UpstreamSpec;
import dev.mcpfleet.api.spec.UpstreamSpec.EnvSpec;
import dev.mcpfleet.api.spec.ValueSource;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Java counterpart of every CEL rule ({@code @ValidationRule}) in the spec's records, keyed by
 * the rule's expression. A rule without a counterpart is a programming error caught by the tests; a
 * failed rule reports the CRD's own message, so {@code serve} and the API server say the same.
 */
final class CelCounterparts {

  /** Checks one object against one rule, reporting the rule's message on failure. */
  private interface Check {
    void apply(Object self, String path, String message, Problems out);
  }

  private static final Map<String, Check> CHECKS =
      Map.ofEntries(
          holds(
              "has(self.server) != has(self.upstream)",
              McpServerSpec.class,
              s -> (s.server() == null) != (s.upstream() == null)),
          unique(
              "!has(self.tools) || self.tools.all(t, self.tools.exists_one(u, u.name == t.name))",
              ServerSpec::tools,
              ToolSpec::name,
              "tools",
              "name"),
          unique(
              "!has(self.resources) || self.resources.all(r, self.resources.exists_one(s, s.uri =="
                  + " r.uri))",
              ServerSpec::resources,
              ResourceSpec::uri,
              "resources",
              "uri"),
          unique(
              "!has(self.prompts) || self.prompts.all(p, self.prompts.exists_one(q, q.name =="
                  + " p.name))",
              ServerSpec::prompts,
              p -> p.name(),
              "prompts",
              "name"),
          holds(
              "(has(self.text) ? 1 : 0) + (has(self.http) ? 1 : 0) == 1",
              ToolSpec.class,
              t -> (t.text() == null) != (t.http() == null)),
          holds(
              "has(self.value) != has(self.valueFrom)",
              Object.class,
              o ->
                  switch (o) {
                    case HttpHeaderSpec h -> (h.value() == null) != (h.valueFrom() == null);
                    case EnvSpec e -> (e.value() == null) != (e.valueFrom() == null);
                    default -> throw new IllegalStateException("unexpected " + o);
                  }),
          holds(
              "has(self.secretKeyRef) != has(self.configMapKeyRef)",
              ValueSource.class,
              v -> (v.secretKeyRef() == null) != (v.configMapKeyRef() == null)),
          holds(
              "self.type != 'text' || has(self.text)",
              ContentSpec.class,
              c -> c.type() != ContentSpec.Type.TEXT || c.text() != null),
          holds(
              "!(self.type == 'image' || self.type == 'audio') || (has(self.data) &&"
                  + " has(self.mimeType))",
              ContentSpec.class,
              c ->
                  !(c.type() == ContentSpec.Type.IMAGE || c.type() == ContentSpec.Type.AUDIO)
                      || (c.data() != null && c.mimeType() != null)),
          holds(
              "self.type != 'resource' || has(self.resource)",
              ContentSpec.class,
              c -> c.type() != ContentSpec.Type.RESOURCE || c.resource() != null),
          holds(
              "self.type != 'resource_link' || (has(self.uri) && has(self.name))",
              ContentSpec.class,
              c ->
                  c.type() != ContentSpec.Type.RESOURCE_LINK
                      || (c.uri() != null && c.name() != null)),
          holds(
              "has(self.text) != has(self.blob)",
              Object.class,
              o ->
                  switch (o) {
                    case EmbeddedResourceSpec r -> (r.text() == null) != (r.blob() == null);
                    case ResourceSpec r -> (r.text() == null) != (r.blob() == null);
                    case ResourceTemplateSpec r -> (r.text() == null) != (r.blob() == null);
                    default -> throw new IllegalStateException("unexpected " + o);
                  }),
          holds(
              "(has(self.__package__) ? 1 : 0) + (has(self.command) ? 1 : 0) + (has(self.http) ? 1"
                  + " : 0) == 1",
              UpstreamSpec.class,
              u -> count(u.packageSpec(), u.command(), u.http()) == 1),
          holds(
              "self.mode != 'jwt' || has(self.jwt)",
              AuthSpec.class,
              a -> a.mode() != AuthSpec.Mode.JWT || a.jwt() != null),
          holds(
              "self.mode != 'apiKey' || has(self.apiKey)",
              AuthSpec.class,
              a -> a.mode() != AuthSpec.Mode.API_KEY || a.apiKey() != null),
          holds(
              "has(self.url) != has(self.urlFrom)",
              RedisSpec.class,
              r -> (r.url() == null) != (r.urlFrom() == null)),
          holds(
              "!(has(self.replicas) && has(self.autoscaling))",
              ScalingSpec.class,
              s -> s.replicas() == null || s.autoscaling() == null),
          holds(
              "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <="
                  + " self.maxReplicas",
              AutoscalingSpec.class,
              a ->
                  a.minReplicas() == null
                      || a.maxReplicas() == null
                      || a.minReplicas() <= a.maxReplicas()),
          holds(
              "!(has(self.minAvailable) && has(self.maxUnavailable))",
              DisruptionBudgetSpec.class,
              d -> d.minAvailable() == null || d.maxUnavailable() == null));

  private CelCounterparts() {}

  /** Applies the counterpart of {@code rule} to {@code self}. */
  static void check(ValidationRule rule, Object self, String path, Problems out) {
    Check check = CHECKS.get(rule.value());
    if (check == null) {
      throw new IllegalStateException(
          "CEL rule without a SpecValidator counterpart on "
              + self.getClass().getName()
              + ": "
              + rule.value());
    }
    check.apply(self, path, rule.message(), out);
  }

  /** True when {@code rule} has a counterpart (for the tests). */
  static boolean covers(String rule) {
    return CHECKS.containsKey(rule);
  }

  private static <T> Map.Entry<String, Check> holds(
      String rule, Class<T> type, Predicate<T> predicate) {
    return Map.entry(
        rule,
        (self, path, message, out) -> {
          if (!predicate.test(type.cast(self))) {
            out.add(path, message);
          }
        });
  }

  private static <T> Map.Entry<String, Check> unique(
      String rule,
      Function<ServerSpec, List<T>> items,
      Function<T, String> key,
      String list,
      String field) {
    return Map.entry(
        rule,
        (self, path, message, out) -> {
          List<T> all = items.apply((ServerSpec) self);
          Set<String> seen = new HashSet<>();
          for (int i = 0; all != null && i < all.size(); i++) {
            String k = key.apply(all.get(i));
            if (k != null && !seen.add(k)) {
              out.add(
                  Problems.at(Problems.at(Problems.at(path, list), i), field),
                  "'" + k + "' is declared twice: " + message);
            }
          }
        });
  }

  private static int count(Object... values) {
    int n = 0;
    for (Object v : values) {
      n += v == null ? 0 : 1;
    }
    return n;
  }
}
