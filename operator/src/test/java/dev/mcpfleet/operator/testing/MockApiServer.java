package dev.mcpfleet.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode: stores what it is given, serves watches and the status
 * subresource of registered CRDs, and records every request so tests can count writes. It has no
 * schema, no server-side apply ({@link FleetOperator#startOnMock} switches it off), no garbage
 * collection and no controllers ({@link DeploymentController} stands in for the one that matters).
 */
public final class MockApiServer implements AutoCloseable {

  /** The generated McpServer CRD, on the classpath from the api module. */
  public static final String MCPSERVER_CRD = "/META-INF/fabric8/mcpservers.mcpfleet.dev-v1.yml";

  static {
    // The mock logs every request through java.util.logging; only its problems matter here.
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private MockApiServer(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  /** An empty API server: no CRD yet (a test may install the chart's). */
  public static MockApiServer start() {
    HashMap<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    return new MockApiServer(server);
  }

  /** An API server that serves McpServers (their status subresource included). */
  public static MockApiServer withMcpServerCrd() {
    return start().registerCrd(MCPSERVER_CRD);
  }

  /** A client of this server; closed with it. */
  public KubernetesClient client() {
    return client;
  }

  /** The URL clients in other processes use. */
  public String url() {
    return server.url("/");
  }

  /** Registers a CRD from the classpath, so the mock serves its kind (status subresource too). */
  public MockApiServer registerCrd(String resource) {
    try (InputStream in = MockApiServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no CRD on the classpath at " + resource);
      }
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Creates the objects, e.g. what `helm template` rendered, in order. */
  public void install(List<? extends HasMetadata> objects) {
    for (HasMetadata object : objects) {
      client.resource(object).create();
    }
  }

  public void createNamespace(String name) {
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  /** The writes (POST, PUT, PATCH, DELETE) received since the last call, as "METHOD path". */
  public List<String> drainWrites() {
    List<String> writes = new ArrayList<>();
    try {
      RecordedRequest request = server.takeRequest(10, TimeUnit.MILLISECONDS);
      while (request != null) {
        if (!"GET".equals(request.getMethod())) {
          writes.add(request.getMethod() + " " + request.getPath());
        }
        request = server.takeRequest(10, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return writes;
  }

  /** The writes received during the next {@code window}, and only those. */
  public List<String> writesDuring(Duration window) throws InterruptedException {
    drainWrites();
    Thread.sleep(window.toMillis());
    return drainWrites();
  }

  /**
   * Waits until a whole {@code quiet} window passes without a write, so that what earlier changes
   * set off (however slowly a loaded machine plays it out) is over; fails after {@code atMost}.
   */
  public void awaitNoWritesFor(Duration quiet, Duration atMost) throws InterruptedException {
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
