package dev.mcpfleet.runtime.cli;

import dev.mcpfleet.api.ManifestException;
import dev.mcpfleet.runtime.RuntimeConfig;
import dev.mcpfleet.runtime.RuntimeServer;
import dev.mcpfleet.runtime.declarative.http.HttpToolSettings;
import dev.mcpfleet.runtime.definition.DefinitionLoader;
import dev.mcpfleet.runtime.definition.DefinitionWatcher;
import dev.mcpfleet.runtime.definition.Definitions;
import dev.mcpfleet.runtime.definition.ManifestFile;
import dev.mcpfleet.runtime.definition.ServerDefinition;
import dev.mcpfleet.runtime.layers.RuntimeServices;
import dev.mcpfleet.runtime.observability.Logging;
import dev.mcpfleet.runtime.observability.TraceHeaders;
import dev.mcpfleet.runtime.upstream.UpstreamHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-fleet serve <file>}: loads the manifest (all or nothing), serves it over Streamable
 * HTTP, reloads it when the file changes, and stops cleanly on Ctrl+C or SIGTERM.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the MCP server an McpServer manifest declares, over Streamable HTTP at /mcp.",
      "Edits of the file are reloaded; a broken edit is reported and the last good definition"
          + " stays."
    })
final class ServeCommand implements Callable<Integer> {

  /** How long serve waits for an upstream before printing how to connect. */
  static final java.time.Duration UPSTREAM_WAIT = java.time.Duration.ofMinutes(2);

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<file>",
      description = "An McpServer manifest (YAML or JSON), or just its server part.")
  Path file;

  @Option(
      names = "--port",
      paramLabel = "<port>",
      defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "<address>",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only); 0.0.0.0 listens on"
              + " every interface, as in a pod.")
  String bind;

  @Option(
      names = "--watch",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Reload the file when it changes (--no-watch: never). Default: on.")
  boolean watch;

  /** A running server, its watcher and its upstream; closing stops them all. */
  record Serving(
      RuntimeServer server,
      DefinitionWatcher watcher,
      RuntimeServices layers,
      UpstreamHost upstream)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      // Not ready and refusing new requests first; in a pod, give Kubernetes a moment to take
      // this replica out of its Service before the server stops accepting.
      layers.readiness().drain();
      try {
        Thread.sleep(layers.shutdownSettle());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (watcher != null) {
        watcher.close();
      }
      server.close();
      upstream.close();
      layers.close();
    }
  }

  @Override
  public Integer call() throws Exception {
    Serving serving = start();
    if (serving == null) {
      return CommandLine.ExitCode.SOFTWARE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    serving.close();
                  } catch (IOException e) {
                    // stopping anyway
                  }
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return CommandLine.ExitCode.OK;
  }

  /** Loads and serves the file; null (after saying why on stderr) when it cannot. */
  Serving start() throws Exception {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--port must be between 0 and 65535, got " + port);
    }
    Map<String, String> env = System.getenv();
    UpstreamHost upstream = UpstreamHost.create(env);
    HttpToolSettings http = HttpToolSettings.defaults().withHook(new TraceHeaders());
    DefinitionLoader loader =
        new DefinitionLoader(http, DefinitionLoader::serviceProviders, upstream);
    String text;
    ServerDefinition definition;
    try {
      text = ManifestFile.read(file);
      definition = loader.load(file.toString(), text);
    } catch (ManifestException e) {
      spec.commandLine().getErr().println("mcp-fleet: cannot serve " + e.getMessage());
      return null;
    }
    Definitions definitions = new Definitions(definition);
    RuntimeServices layers = RuntimeServices.create(env);
    try {
      Logging.apply(Logging.Settings.resolve(env, definition.manifest().getSpec().observability()));
      layers.pipeline(definition);
    } catch (RuntimeException e) {
      layers.close();
      spec.commandLine()
          .getErr()
          .println("mcp-fleet: cannot serve " + file + ": " + e.getMessage());
      return null;
    }
    upstream.attach(definitions, layers);
    RuntimeServer server;
    try {
      server =
          RuntimeServer.start(
              layers.configure(RuntimeConfig.builder().host(bind).port(port)).build(),
              definitions,
              layers::pipeline);
    } catch (Exception e) {
      spec.commandLine()
          .getErr()
          .println(
              "mcp-fleet: cannot listen on "
                  + bind
                  + ":"
                  + port
                  + " ("
                  + e.getMessage()
                  + "); choose another port with --port or address with --bind");
      upstream.close();
      layers.close();
      return null;
    }
    // HTTP tools reach their upstreams from the server's own event loops, and let their
    // connections go before those loops stop.
    http.client().runOn(server.eventLoops());
    server.closeOnStop(http.client());
    upstream.start();
    DefinitionWatcher watcher =
        watch
            ? DefinitionWatcher.start(file, loader, definitions, text, DefinitionWatcher.LOGGED)
            : null;
    String url = server.url();
    if (definition.manifest().getSpec().upstream() != null) {
      awaitUpstream(upstream);
      definition = definitions.current();
    }
    spec.commandLine()
        .getOut()
        .print(
            ConnectionHelp.text(
                definition.info().name(),
                definition.info().version(),
                Inventory.of(definition),
                url,
                !server.address().getAddress().isLoopbackAddress(),
                watch ? file.toString() : null));
    spec.commandLine().getOut().flush();
    return new Serving(server, watcher, layers, upstream);
  }

  /** Says what is being started, and waits until the upstream is listed (or says why not). */
  private void awaitUpstream(UpstreamHost upstream) throws InterruptedException {
    var out = spec.commandLine().getOut();
    out.println("Starting the upstream MCP server: " + upstream.describe() + " ...");
    out.flush();
    if (!upstream.awaitReady(UPSTREAM_WAIT)) {
      out.println(
          "The upstream is not ready yet ("
              + upstream.status()
              + "); the server answers meanwhile and /ready says when it is.");
    }
  }
}
