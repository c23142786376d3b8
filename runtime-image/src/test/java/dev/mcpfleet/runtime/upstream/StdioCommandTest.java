package dev.mcpfleet.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.spec.UpstreamSpec;
import dev.mcpfleet.api.spec.UpstreamSpec.CommandSpec;
import dev.mcpfleet.api.spec.UpstreamSpec.EnvSpec;
import dev.mcpfleet.api.spec.UpstreamSpec.HttpUpstreamSpec;
import dev.mcpfleet.api.spec.UpstreamSpec.PackageSpec;
import dev.mcpfleet.api.spec.UpstreamSpec.RegistryType;
import dev.mcpfleet.api.spec.ValueSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StdioCommandTest {

  private static UpstreamSpec npm(List<String> arguments) {
    return new UpstreamSpec(
        new PackageSpec(
            RegistryType.NPM, "@modelcontextprotocol/server-memory", "2026.8.31", arguments),
        null,
        null,
        null);
  }

  private static StdioCommand command(UpstreamSpec spec, Map<String, String> env) {
    List<Problem> problems = new ArrayList<>();
    StdioCommand command = StdioCommand.of(spec, env::get, env, problems);
    assertThat(problems).isEmpty();
    return command;
  }

  @Test
  void anNpmPackageRunsWithNpxAtItsExactVersion() {
    StdioCommand command = command(npm(List.of("--flag", "value")), Map.of());

    assertThat(command.command())
        .containsExactly(
            "npx", "-y", "@modelcontextprotocol/server-memory@2026.8.31", "--flag", "value");
  }

  @Test
  void aPypiPackageRunsWithUvxAtItsExactVersion() {
    UpstreamSpec spec =
        new UpstreamSpec(
            new PackageSpec(RegistryType.PYPI, "mcp-server-fetch", "2025.4.7", List.of("--x")),
            null,
            null,
            null);

    assertThat(command(spec, Map.of()).command())
        .containsExactly("uvx", "mcp-server-fetch==2025.4.7", "--x");
  }

  @Test
  void aCommandRunsAsGiven() {
    UpstreamSpec spec =
        new UpstreamSpec(null, new CommandSpec(List.of("node", "/app/server.js")), null, null);

    assertThat(command(spec, Map.of()).command()).containsExactly("node", "/app/server.js");
    assertThat(command(spec, Map.of()).describe()).isEqualTo("node /app/server.js");
  }

  @Test
  void anHttpUpstreamHasNoCommand() {
    UpstreamSpec spec =
        new UpstreamSpec(
            null, null, new HttpUpstreamSpec("example/mcp:1", 3001, "/mcp", null, null), null);

    assertThat(StdioCommand.of(spec, k -> null, Map.of(), new ArrayList<>())).isNull();
    assertThat(UpstreamLaunch.endpoint(spec.http()).toString())
        .isEqualTo("http://127.0.0.1:3001/mcp");
    assertThat(
            UpstreamLaunch.endpoint(new HttpUpstreamSpec("x", null, null, null, null)).toString())
        .isEqualTo("http://127.0.0.1:3000/mcp");
  }

  @Test
  void theChildGetsTheDeclaredVariablesAndTheRuntimesOwnButNoMcpSettings() {
    ValueSource token = new ValueSource(new ValueSource.KeyRef("memory-api", "token"), null);
    UpstreamSpec spec =
        new UpstreamSpec(
            npm(null).packageSpec(),
            null,
            null,
            List.of(
                new EnvSpec("MEMORY_FILE_PATH", "/tmp/memory.jsonl", null),
                new EnvSpec("API_TOKEN", null, token)));
    Map<String, String> runtime =
        Map.of(
            "PATH", "/usr/bin",
            "HOME", "/tmp",
            "MCP_SECRET_MEMORY_API_TOKEN", "s3cret",
            "MCP_REQUEST_STATE_SECRET", "other");

    Map<String, String> env = command(spec, runtime).environment();

    assertThat(env)
        .containsEntry("PATH", "/usr/bin")
        .containsEntry("HOME", "/tmp")
        .containsEntry("MEMORY_FILE_PATH", "/tmp/memory.jsonl")
        .containsEntry("API_TOKEN", "s3cret")
        .doesNotContainKeys("MCP_SECRET_MEMORY_API_TOKEN", "MCP_REQUEST_STATE_SECRET");
  }

  @Test
  void anUnsetSecretValueIsAProblemNamingTheVariableToSet() {
    ValueSource token = new ValueSource(new ValueSource.KeyRef("memory-api", "token"), null);
    UpstreamSpec spec =
        new UpstreamSpec(
            npm(null).packageSpec(), null, null, List.of(new EnvSpec("API_TOKEN", null, token)));
    List<Problem> problems = new ArrayList<>();

    StdioCommand command = StdioCommand.of(spec, k -> null, Map.of(), problems);

    assertThat(command).isNull();
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly(
            "set MCP_SECRET_MEMORY_API_TOKEN (key 'token' of Secret 'memory-api', referenced by"
                + " spec.upstream.env[0])");
  }
}
