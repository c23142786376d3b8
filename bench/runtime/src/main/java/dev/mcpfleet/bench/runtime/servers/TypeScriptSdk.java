package dev.mcpfleet.bench.runtime.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The official TypeScript SDK server: its script and package.json ship in this module; the SDK
 * itself is installed from npm at bench time into a cache directory, never committed.
 */
public final class TypeScriptSdk {

  private static final String RESOURCES = "/dev/mcpfleet/bench/runtime/typescript/";

  private TypeScriptSdk() {}

  /** Whether node and npm are on the PATH. */
  public static boolean available() {
    return succeeds(List.of("node", "--version")) && succeeds(List.of("npm", "--version"));
  }

  /**
   * Installs the server into {@code dir} (npm install, skipped when the same package.json is
   * already installed) and returns the directory holding {@code echo-server.mjs}.
   */
  public static Path install(Path dir) {
    try {
      Files.createDirectories(dir);
      String packageJson = resource("package.json");
      Path installed = dir.resolve("package.json");
      boolean current =
          Files.exists(installed)
              && Files.readString(installed).equals(packageJson)
              && Files.isDirectory(dir.resolve("node_modules/@modelcontextprotocol/sdk"));
      Files.writeString(dir.resolve("echo-server.mjs"), resource("echo-server.mjs"));
      if (!current) {
        Files.writeString(installed, packageJson);
        Process npm =
            new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
          Files.deleteIfExists(installed);
          throw new IllegalStateException("npm install failed in " + dir + ":\n" + output);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The installed SDK's version, read from its package.json. */
  public static String version(Path dir) {
    try {
      String json =
          Files.readString(dir.resolve("node_modules/@modelcontextprotocol/sdk/package.json"));
      var matcher =
          java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
      return matcher.find() ? matcher.group(1) : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(TypeScriptSdk.class.getResourceAsStream(RESOURCES + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static boolean succeeds(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
