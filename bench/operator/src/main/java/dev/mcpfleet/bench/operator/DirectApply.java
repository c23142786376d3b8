package dev.mcpfleet.bench.operator;

import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.operator.status.McpServerStatusAggregator;
import dev.mcpfleet.operator.status.Observation;
import dev.mcpfleet.operator.validation.AcceptanceCheck;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The tuned client the operator is measured against, run as its own process: it writes what a user
 * and the operator together would write, as fast as the API server takes it. For every McpServer,
 * concurrently (a bounded number at once), it creates the McpServer, the objects the operator would
 * make for it (rendered by the operator's own code, owned by the McpServer) and the status the
 * operator would write. With {@code servers} it creates only the McpServers: the user's part, when
 * the operator does the rest.
 *
 * <p>Usage: {@code DirectApply <api url> <manifest> <size> <namespaces> all|servers <in flight>};
 * prints {@code started <epoch ms>} before its first write and {@code finished <epoch ms>}.
 */
public final class DirectApply {

  private DirectApply() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Fleet fleet = new Fleet(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    boolean everything = "all".equals(args[4]);
    int inFlight = Integer.parseInt(args[5]);
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withMaxConcurrentRequests(inFlight * 2)
            .withMaxConcurrentRequestsPerHost(inFlight * 2)
            .build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      List<McpServer> servers = fleet.servers();
      Semaphore slots = new Semaphore(inFlight);
      List<Future<?>> done = new ArrayList<>();
      System.out.println("started " + System.currentTimeMillis());
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (McpServer server : servers) {
          slots.acquire();
          done.add(
              pool.submit(
                  () -> {
                    try {
                      apply(client, server, everything);
                    } finally {
                      slots.release();
                    }
                    return null;
                  }));
        }
      }
      for (Future<?> f : done) {
        f.get();
      }
      System.out.println("finished " + System.currentTimeMillis());
    }
  }

  private static void apply(KubernetesClient client, McpServer server, boolean everything) {
    McpServer created = client.resource(server).create();
    if (!everything) {
      return;
    }
    Deployment deployment = null;
    for (HasMetadata child : Fleet.children(created)) {
      child
          .getMetadata()
          .setOwnerReferences(
              List.of(
                  new OwnerReferenceBuilder()
                      .withApiVersion(created.getApiVersion())
                      .withKind(created.getKind())
                      .withName(created.getMetadata().getName())
                      .withUid(created.getMetadata().getUid())
                      .withController(true)
                      .withBlockOwnerDeletion(true)
                      .build()));
      HasMetadata made = client.resource(child).create();
      if (made instanceof Deployment d) {
        deployment = d;
      }
    }
    created.setStatus(
        new McpServerStatusAggregator(Clock.systemUTC(), "")
            .aggregate(
                created,
                AcceptanceCheck.standard().checkSpec(created),
                new Observation(deployment, List.of(), false)));
    client.resource(created).updateStatus();
  }
}
