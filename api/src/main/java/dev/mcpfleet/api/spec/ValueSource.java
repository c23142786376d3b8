package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Locale;

/**
 * A value kept outside the manifest: a key of a Secret or ConfigMap in the McpServer's namespace.
 * The operator hands it to the runtime as an environment variable named by {@link #envName()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.secretKeyRef) != has(self.configMapKeyRef)",
    message = "set exactly one of secretKeyRef or configMapKeyRef")
public record ValueSource(
    @JsonPropertyDescription("A key of a Secret.") KeyRef secretKeyRef,
    @JsonPropertyDescription("A key of a ConfigMap.") KeyRef configMapKeyRef) {

  /** A key of a named Secret or ConfigMap. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KeyRef(
      @Required
          @Size(min = 1, max = 253)
          @JsonPropertyDescription("The Secret's or ConfigMap's name.")
          String name,
      @Required @Size(min = 1, max = 253) @JsonPropertyDescription("The key.") String key) {}

  /** True when the value comes from a Secret and must be treated as one. */
  public boolean secret() {
    return secretKeyRef != null;
  }

  /** The key this source points at. */
  public KeyRef ref() {
    return secretKeyRef != null ? secretKeyRef : configMapKeyRef;
  }

  /**
   * The environment variable that carries this value into the runtime container, e.g. {@code
   * MCP_SECRET_WEATHER_API_TOKEN} for key {@code token} of Secret {@code weather-api}. Both the
   * operator (which sets it) and the runtime (which reads it) use this name, and a user running
   * {@code serve} locally sets it by hand.
   */
  public String envName() {
    KeyRef ref = ref();
    return (secret() ? "MCP_SECRET_" : "MCP_CONFIG_")
        + sanitize(ref.name())
        + "_"
        + sanitize(ref.key());
  }

  /**
   * What to do when {@link #envName()} is unset where the value is needed, e.g. {@code set
   * MCP_SECRET_WEATHER_API_TOKEN (key 'token' of Secret 'weather-api', referenced by
   * spec.upstream.env[0])}.
   *
   * @param referencedBy the manifest path that references this value
   */
  public String unsetMessage(String referencedBy) {
    return "set "
        + envName()
        + " (key '"
        + ref().key()
        + "' of "
        + (secret() ? "Secret" : "ConfigMap")
        + " '"
        + ref().name()
        + "', referenced by "
        + referencedBy
        + ")";
  }

  private static String sanitize(String s) {
    return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
