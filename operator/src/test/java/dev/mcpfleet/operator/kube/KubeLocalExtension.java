package dev.mcpfleet.operator.kube;

import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real kube-apiserver (+ etcd, + kube-controller-manager) per test JVM through the
 * shared kube/start.sh, with MCP Fleet's committed CRD registered, and stops it when the run ends.
 * Skips (does not fail) the test class when the binaries are not on the machine (exit code 3).
 */
public final class KubeLocalExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(KubeLocalExtension.class);

  /** The running control plane; closed by JUnit at the end of the run. */
  public static final class ControlPlane implements AutoCloseable {
    final Path stateDir;
    final Path stopScript;
    final Config config;
    final String unavailable;

    private ControlPlane(Path stateDir, Path stopScript, Config config, String unavailable) {
      this.stateDir = stateDir;
      this.stopScript = stopScript;
      this.config = config;
      this.unavailable = unavailable;
    }

    @Override
    public synchronized void close() throws Exception {
      if (stateDir == null) {
        return;
      }
      Process p =
          new ProcessBuilder("bash", stopScript.toString(), stateDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      p.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ControlPlane cp = controlPlane(context);
    if (cp.unavailable != null) {
      System.err.println(
          context.getDisplayName()
              + " skipped: no real kube-apiserver on this machine ("
              + cp.unavailable
              + "); the mock API server tests and CrdValidationTest cover this ground");
    }
    Assumptions.assumeTrue(
        cp.unavailable == null,
        () -> "skipped: no real kube-apiserver on this machine (" + cp.unavailable + ")");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Config.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return controlPlane(context).config;
  }

  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: still present in JUnit 5.14
  private static ControlPlane controlPlane(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent(ControlPlane.class, k -> start(), ControlPlane.class);
  }

  private static Path findStartScript() {
    String env = System.getenv("KUBE_LOCAL_START");
    // The module folder is the working directory: shared/ sits beside the repository in CI and
    // beside the worktrees' parent on developer machines.
    List<String> candidates =
        env != null
            ? List.of(env)
            : List.of(
                "../shared/kube/start.sh",
                "../../shared/kube/start.sh",
                "../../../shared/kube/start.sh");
    for (String c : candidates) {
      Path p = Path.of(c).toAbsolutePath().normalize();
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static ControlPlane start() {
    Path script = findStartScript();
    if (script == null) {
      return new ControlPlane(null, null, null, "start.sh not found (set KUBE_LOCAL_START)");
    }
    try {
      Path kubeconfig = Files.createTempFile("kube-local-", ".kubeconfig");
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  "bash",
                  script.toString(),
                  "--watch-pid",
                  Long.toString(ProcessHandle.current().pid())));
      Path crds = Path.of("..", "crds");
      if (Files.isDirectory(crds)) {
        cmd.addAll(List.of("--crds", crds.toString()));
      }
      cmd.add(kubeconfig.toString());
      Process p =
          new ProcessBuilder(cmd)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(240, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("start.sh did not finish in time");
      }
      if (p.exitValue() == 3) {
        return new ControlPlane(null, null, null, "binaries missing, see start.sh's message");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("start.sh failed with exit code " + p.exitValue());
      }
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
      return new ControlPlane(Path.of(out), script.resolveSibling("stop.sh"), config, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
