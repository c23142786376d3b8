package dev.mcpfleet.operator.mock;

import dev.mcpfleet.operator.McpFleetOperator;
import dev.mcpfleet.operator.OperatorConfig;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode with the McpServer CRD registered, and the operator
 * running against it. The mock has no server-side apply: {@link #startOperator} is the one place
 * where tests switch it off.
 */
final class MockApiServer implements AutoCloseable {

  static final String CRD = "/META-INF/fabric8/mcpservers.mcpfleet.dev-v1.yml";

  static {
    // The mock logs every request through java.util.logging; only its problems matter here.
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
  }

  final KubernetesMockServer server;
  final KubernetesClient client;

  private MockApiServer(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  static MockApiServer start() {
    var responses =
        new HashMap<
            io.fabric8.mockwebserver.ServerRequest,
            java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
    var server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    MockApiServer api = new MockApiServer(server);
    api.registerCrd(CRD);
    return api;
  }

  /** Registers a CRD from the classpath, so the mock serves its kind (status subresource too). */
  void registerCrd(String resource) {
    try (InputStream in = MockApiServer.class.getResourceAsStream(resource)) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The operator with production settings except server-side apply, which the mock cannot do
   * (dependents and status are written with PUT/JSON patch instead).
   */
  Operator startOperator(OperatorConfig config) {
    Operator operator =
        McpFleetOperator.create(
            config,
            client,
            Metrics.NOOP,
            Clock.systemUTC(),
            o ->
                o.withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withCloseClientOnStop(false));
    operator.start();
    return operator;
  }

  /** The writes (POST, PUT, PATCH, DELETE) received since the last call, as "METHOD path". */
  List<String> drainWrites() throws InterruptedException {
    List<String> writes = new ArrayList<>();
    var request = server.takeRequest(10, TimeUnit.MILLISECONDS);
    while (request != null) {
      String method = request.getMethod();
      if (!HttpMethod.GET.name().equals(method)) {
        writes.add(method + " " + request.getPath());
      }
      request = server.takeRequest(10, TimeUnit.MILLISECONDS);
    }
    return writes;
  }

  /** The writes received during the next {@code window}, and only those. */
  List<String> writesDuring(Duration window) throws InterruptedException {
    drainWrites();
    Thread.sleep(window.toMillis());
    return drainWrites();
  }

  /**
   * Waits until a whole {@code quiet} window passes without a write, so that what earlier changes
   * set off (however slowly a loaded machine plays it out) is over; fails after {@code atMost}.
   */
  void awaitNoWritesFor(Duration quiet, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    List<String> writes = writesDuring(quiet);
    while (!writes.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still writing after " + atMost + ": " + writes);
      }
      writes = writesDuring(quiet);
    }
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
