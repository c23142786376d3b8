package dev.mcpfleet.bench.operator;

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
import java.util.HashMap;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * The API server of the benchmark: fabric8's mock in CRUD mode with the McpServer CRD registered,
 * counting the writes it receives. It has no server-side apply, no garbage collection and no
 * controllers, so the operator runs with server-side apply off (as in the operator's own mock
 * tests) and nothing marks Deployments ready: convergence here means objects plus Accepted=True.
 */
final class MockCluster implements AutoCloseable {

  static final String CRD = "/META-INF/fabric8/mcpservers.mcpfleet.dev-v1.yml";

  static {
    // The mock logs every request through java.util.logging; only its problems matter here.
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private MockCluster(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  static MockCluster start() {
    HashMap<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    MockCluster cluster = new MockCluster(server);
    cluster.registerCrd();
    cluster.writes();
    return cluster;
  }

  /** The URL clients in other processes use. */
  String url() {
    return server.url("/");
  }

  KubernetesClient client() {
    return client;
  }

  /** The writes (any method but GET) received since the last call; reads are dropped. */
  long writes() {
    long writes = 0;
    try {
      RecordedRequest request = server.takeRequest(1, TimeUnit.MILLISECONDS);
      while (request != null) {
        if (!"GET".equals(request.getMethod())) {
          writes++;
        }
        request = server.takeRequest(1, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return writes;
  }

  private void registerCrd() {
    try (InputStream in = MockCluster.class.getResourceAsStream(CRD)) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
