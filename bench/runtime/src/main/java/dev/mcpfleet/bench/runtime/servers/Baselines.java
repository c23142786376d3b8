package dev.mcpfleet.bench.runtime.servers;

import dev.mcpfleet.bench.runtime.baseline.FixedAnswerServer;
import dev.mcpfleet.bench.runtime.baseline.JavaSdkEchoServer;
import dev.mcpfleet.bench.runtime.load.RequestShape;
import dev.mcpfleet.bench.runtime.load.ToolCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The servers the runtime is compared with, all serving the same echo tool. */
public final class Baselines {

  private Baselines() {}

  /**
   * Netty answering {@code answer} (with {@code {{id}}} for the request's id) to every request: the
   * machine's limit. Give it the runtime's own answer bytes where they are known.
   */
  public static Target nettyFixed(Launch launch, RequestShape shape, Supplier<String> answer) {
    return new Target(
        "netty-fixed",
        Target.Role.BASELINE,
        shape,
        ToolCall.echo(),
        port -> {
          Path file = write(launch.runDir().resolve("netty-fixed-answer.json"), answer.get());
          return launch.startJava(
              "netty-fixed",
              List.of(),
              FixedAnswerServer.class,
              List.of(Integer.toString(port), file.toString()));
        });
  }

  /** The official Java SDK's stateless servlet transport on Tomcat. */
  public static Target javaSdk(Launch launch) {
    return new Target(
        "java-sdk",
        Target.Role.SDK,
        RequestShape.LEGACY,
        ToolCall.echo(),
        port ->
            launch.startJava(
                "java-sdk", List.of(), JavaSdkEchoServer.class, List.of(Integer.toString(port))));
  }

  /** The official TypeScript SDK in stateless mode on node:http, installed in {@code dir}. */
  public static Target typeScriptSdk(Launch launch, Path dir) {
    return new Target(
        "typescript-sdk",
        Target.Role.SDK,
        RequestShape.LEGACY,
        ToolCall.echo(),
        port ->
            launch.start(
                "typescript-sdk",
                List.of("node", "echo-server.mjs", Integer.toString(port)),
                dir,
                Map.of("NODE_ENV", "production")));
  }

  /** A right answer to {@code call}'s echo in {@code shape}, with {@code {{id}}} for the id. */
  public static String cannedAnswer(RequestShape shape, ToolCall call) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + RequestShape.ID
        + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\""
        + call.expectedText()
        + "\"}],\"isError\":false"
        + (shape == RequestShape.MODERN ? ",\"resultType\":\"complete\"" : "")
        + "}}";
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
