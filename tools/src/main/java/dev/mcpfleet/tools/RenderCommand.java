package dev.mcpfleet.tools;

import dev.mcpfleet.operator.McpServerRenderer;
import dev.mcpfleet.operator.OperatorConfig;
import dev.mcpfleet.operator.reference.ReferencedData;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-fleet render <file>}: the objects the operator would apply for a manifest, as YAML,
 * from the operator's own dependents (McpServerRenderer), so a change can be reviewed before it is
 * applied.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Prints, as YAML, the objects the operator would apply for an McpServer manifest"
          + " (ConfigMap, ServiceAccount, Deployment, Service, HPA, PDB, NetworkPolicy,"
          + " ServiceMonitor), computed by the operator's own code.",
      "Owner references are left out (they need the cluster's uid); a manifest the operator would"
          + " not accept is reported as validate does, with exit code 1."
    })
final class RenderCommand implements Callable<Integer> {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<file>", description = "An McpServer manifest.")
  Path file;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "<namespace>",
      description = "Namespace to render for. Default: the manifest's, else default.")
  String namespace;

  @Option(
      names = "--runtime-image",
      paramLabel = "<image>",
      description = "The operator's runtime image. Default: ${DEFAULT-VALUE}.")
  String runtimeImage = OperatorConfig.defaultRuntimeImage();

  @Option(
      names = "--cluster-domain",
      paramLabel = "<domain>",
      description = "The cluster's DNS domain, as the operator's CLUSTER_DOMAIN. Default: none.")
  String clusterDomain = "";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    OfflineCheck.Verdict verdict = OfflineCheck.of(file);
    if (!verdict.accepted()) {
      verdict.explain(spec.commandLine().getErr());
      return CommandLine.ExitCode.SOFTWARE;
    }
    var server = verdict.server();
    String target =
        namespace != null
            ? namespace
            : server.getMetadata().getNamespace() != null
                ? server.getMetadata().getNamespace()
                : "default";
    server.getMetadata().setNamespace(target);
    List<HasMetadata> objects = McpServerRenderer.render(server, config(), ReferencedData.none());
    for (HasMetadata object : objects) {
      out.print(YAML.asYaml(object));
    }
    out.flush();
    return CommandLine.ExitCode.OK;
  }

  private OperatorConfig config() {
    OperatorConfig defaults = OperatorConfig.defaults();
    return new OperatorConfig(
        defaults.watchNamespaces(),
        defaults.leaderElection(),
        runtimeImage,
        OperatorConfig.UpstreamImages.derivedFrom(runtimeImage),
        defaults.logFormat(),
        defaults.logLevel(),
        defaults.httpPort(),
        defaults.shutdownTimeout(),
        clusterDomain);
  }
}
