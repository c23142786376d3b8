package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;

/**
 * An existing MCP server that the runtime fronts: the runtime serves the current protocol revision
 * to clients and adds every layer of the spec, whatever revision the upstream speaks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "(has(self.__package__) ? 1 : 0) + (has(self.command) ? 1 : 0) + (has(self.http) ? 1 : 0) == 1",
    message = "an upstream needs exactly one of package, command or http")
public record UpstreamSpec(
    @JsonProperty("package")
        @JsonPropertyDescription(
            "An npm or PyPI package that speaks MCP over stdio (MCP Registry server.json"
                + " fields), run by the runtime as a child process.")
        PackageSpec packageSpec,
    @JsonPropertyDescription("A stdio command present in a derived runtime image.")
        CommandSpec command,
    @JsonPropertyDescription("An MCP server image speaking Streamable HTTP, run as a sidecar.")
        HttpUpstreamSpec http,
    @Size(max = 64)
        @JsonPropertyDescription("Environment variables for the upstream process or container.")
        List<EnvSpec> env) {

  /** A package from the npm or PyPI registry. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PackageSpec(
      @Required @JsonPropertyDescription("The registry: npm or pypi.") RegistryType registryType,
      @Required
          @Size(min = 1, max = 214)
          @JsonPropertyDescription("The package name, e.g. @modelcontextprotocol/server-memory.")
          String identifier,
      @Required
          @Size(min = 1, max = 64)
          @Pattern("^[A-Za-z0-9][A-Za-z0-9.+_-]*$")
          @JsonPropertyDescription("The exact package version (no ranges, not latest).")
          String version,
      @Size(max = 64) @JsonPropertyDescription("Arguments passed to the package's command.")
          List<String> arguments) {}

  /** The registries whose packages the runtime can run. */
  public enum RegistryType {
    @JsonProperty("npm")
    NPM,
    @JsonProperty("pypi")
    PYPI
  }

  /** A command already present in the image. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CommandSpec(
      @Required
          @Size(min = 1, max = 64)
          @JsonPropertyDescription("The command and its arguments, e.g. [node, /app/server.js].")
          List<String> command) {}

  /** A sidecar container serving MCP over Streamable HTTP. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HttpUpstreamSpec(
      @Required @Size(min = 1, max = 512) @JsonPropertyDescription("The sidecar's image.")
          String image,
      @Min(1)
          @Max(65535)
          @JsonPropertyDescription(
              "The port it serves on (not 8080, the runtime's). Default: 3000.")
          Integer port,
      @Size(max = 256) @JsonPropertyDescription("The MCP endpoint path. Default: /mcp.")
          String path,
      @Size(max = 64)
          @JsonPropertyDescription(
              "Arguments of the image's entrypoint, e.g. [--transport, streamable-http] for a"
                  + " server that speaks stdio unless told otherwise. Default: the image's CMD.")
          List<String> args,
      @JsonPropertyDescription(
              "The sidecar's resources. Default: the guide's, as for the runtime (requests cpu"
                  + " 250m / memory 256Mi, limits cpu 500m / memory 512Mi).")
          ResourceRequirements resources) {}

  /** An environment variable: a literal value or a Secret/ConfigMap key. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "has(self.value) != has(self.valueFrom)",
      message = "an environment variable needs exactly one of value or valueFrom")
  public record EnvSpec(
      @Required
          @Size(min = 1, max = 256)
          @Pattern("^[A-Za-z_][A-Za-z0-9_]*$")
          @JsonPropertyDescription("The variable name.")
          String name,
      @Size(max = 8192) @JsonPropertyDescription("A literal value.") String value,
      @JsonPropertyDescription("The value from a Secret or ConfigMap key.")
          ValueSource valueFrom) {}
}
