package dev.mcpfleet.e2e.support;

import dev.mcpfleet.api.Defaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runtime image (runtime-image/Dockerfile) run on the built distribution, without a container.
 */
public final class RuntimeImage {

  public static final Path CONTEXT = Repository.resolve("runtime-image");
  public static final Dockerfile DOCKERFILE = Dockerfile.read(CONTEXT.resolve("Dockerfile"));

  private RuntimeImage() {}

  /**
   * The image's command line with its default arguments, the definition mounted from {@code
   * definition}, on any free port.
   */
  public static List<String> serving(Path definition) {
    if (!Files.exists(CONTEXT.resolve("target/mcp-fleet-runtime.jar"))) {
      throw new IllegalStateException(
          "no runtime distribution in runtime-image/target: build it with ./mvnw -pl e2e -am verify");
    }
    List<String> command =
        new ArrayList<>(
            DOCKERFILE.localCommandLine(
                CONTEXT,
                Map.of(Defaults.CONFIG_DIR + "/" + Defaults.CONFIG_FILE, definition.toString())));
    int port = command.lastIndexOf("--port");
    command.set(port + 1, "0");
    return command;
  }
}
