package dev.mcpfleet.operator.reference;

import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.spec.AuthSpec;
import dev.mcpfleet.api.spec.HttpHeaderSpec;
import dev.mcpfleet.api.spec.PodOptionsSpec;
import dev.mcpfleet.api.spec.ToolSpec;
import dev.mcpfleet.api.spec.UpstreamSpec;
import dev.mcpfleet.operator.reference.Reference.Kind;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every Secret and ConfigMap that a spec points at, each with the manifest field that declares it.
 * One walk of the spec, so the checks, the pod's environment, the config hash and the watches all
 * agree on the same list.
 */
public final class SpecReferences {

  private SpecReferences() {}

  /** The values that reach the runtime as environment variables named by their envName(). */
  public static List<DeclaredValue> declaredValues(McpServerSpec spec) {
    List<DeclaredValue> values = new ArrayList<>();
    if (spec == null) {
      return values;
    }
    if (spec.server() != null && spec.server().tools() != null) {
      List<ToolSpec> tools = spec.server().tools();
      for (int t = 0; t < tools.size(); t++) {
        ToolSpec tool = tools.get(t);
        if (tool == null || tool.http() == null || tool.http().headers() == null) {
          continue;
        }
        List<HttpHeaderSpec> headers = tool.http().headers();
        for (int h = 0; h < headers.size(); h++) {
          if (headers.get(h) != null && headers.get(h).valueFrom() != null) {
            values.add(
                new DeclaredValue(
                    headers.get(h).valueFrom(),
                    "spec.server.tools[" + t + "].http.headers[" + h + "].valueFrom"));
          }
        }
      }
    }
    if (spec.resilience() != null
        && spec.resilience().redis() != null
        && spec.resilience().redis().urlFrom() != null) {
      values.add(
          new DeclaredValue(spec.resilience().redis().urlFrom(), "spec.resilience.redis.urlFrom"));
    }
    if (spec.upstream() != null && spec.upstream().env() != null) {
      List<UpstreamSpec.EnvSpec> env = spec.upstream().env();
      for (int i = 0; i < env.size(); i++) {
        if (env.get(i) != null && env.get(i).valueFrom() != null) {
          values.add(
              new DeclaredValue(env.get(i).valueFrom(), "spec.upstream.env[" + i + "].valueFrom"));
        }
      }
    }
    values.removeIf(v -> v.source().ref() == null);
    return values;
  }

  /** The Secret holding API keys when authentication is by API key. */
  public static Optional<String> apiKeySecret(McpServerSpec spec) {
    if (spec == null || spec.security() == null || spec.security().auth() == null) {
      return Optional.empty();
    }
    AuthSpec auth = spec.security().auth();
    if (auth.mode() != AuthSpec.Mode.API_KEY || auth.apiKey() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(auth.apiKey().secretRef());
  }

  /** Every reference of the spec, in manifest order. */
  public static List<Reference> of(McpServerSpec spec) {
    List<Reference> refs = new ArrayList<>();
    declaredValues(spec).forEach(v -> refs.add(v.reference()));
    apiKeySecret(spec)
        .ifPresent(
            s -> refs.add(Reference.whole(Kind.SECRET, s, "spec.security.auth.apiKey.secretRef")));
    if (spec != null && spec.pod() != null) {
      podReferences(spec.pod(), refs);
    }
    return refs;
  }

  private static void podReferences(PodOptionsSpec pod, List<Reference> refs) {
    List<EnvVar> env = pod.env() == null ? List.of() : pod.env();
    for (int i = 0; i < env.size(); i++) {
      var from = env.get(i) == null ? null : env.get(i).getValueFrom();
      String field = "spec.pod.env[" + i + "].valueFrom";
      if (from != null && from.getSecretKeyRef() != null) {
        var ref = from.getSecretKeyRef();
        refs.add(
            new Reference(
                Kind.SECRET,
                ref.getName(),
                ref.getKey(),
                field,
                Boolean.TRUE.equals(ref.getOptional())));
      } else if (from != null && from.getConfigMapKeyRef() != null) {
        var ref = from.getConfigMapKeyRef();
        refs.add(
            new Reference(
                Kind.CONFIG_MAP,
                ref.getName(),
                ref.getKey(),
                field,
                Boolean.TRUE.equals(ref.getOptional())));
      }
    }
    List<EnvFromSource> envFrom = pod.envFrom() == null ? List.of() : pod.envFrom();
    for (int i = 0; i < envFrom.size(); i++) {
      EnvFromSource source = envFrom.get(i);
      String field = "spec.pod.envFrom[" + i + "]";
      if (source != null && source.getSecretRef() != null) {
        refs.add(
            new Reference(
                Kind.SECRET,
                source.getSecretRef().getName(),
                null,
                field + ".secretRef",
                Boolean.TRUE.equals(source.getSecretRef().getOptional())));
      } else if (source != null && source.getConfigMapRef() != null) {
        refs.add(
            new Reference(
                Kind.CONFIG_MAP,
                source.getConfigMapRef().getName(),
                null,
                field + ".configMapRef",
                Boolean.TRUE.equals(source.getConfigMapRef().getOptional())));
      }
    }
    refs.removeIf(r -> r.name() == null || r.name().isBlank());
  }
}
