package dev.mcpfleet.operator.testing;

import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real kube-apiserver (+ etcd, + controller-manager) from the shared kube-local scripts, one per
 * test JVM, started on first use and stopped when the run ends. Test classes that use it skip, with
 * the reason, where the binaries are not installed. Test methods and {@code @BeforeAll} methods
 * take a {@link ControlPlane} parameter.
 *
 * <p>The system property {@code kube-local.crds} (a file or folder) registers CRDs before the
 * controller-manager starts, so that its garbage collector knows them at once; without it no CRD is
 * registered up front (e.g. the chart installs it, as in a user's cluster). {@code
 * KUBE_LOCAL_START} names start.sh; otherwise {@code shared/kube/start.sh} is looked for beside the
 * working directory and its parents.
 */
public final class KubeLocal implements ExecutionCondition, ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(KubeLocal.class);

  /** A running control plane: its admin client config and kubeconfig file. */
  public record ControlPlane(Path stateDir, Path stopScript, Path kubeconfig, String unavailable)
      implements AutoCloseable {

    public Config config() {
      try {
        return Config.fromKubeconfig(Files.readString(kubeconfig));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws Exception {
      if (stateDir == null) {
        return;
      }
      Process stop =
          new ProcessBuilder("bash", stopScript.toString(), stateDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      stop.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** Disables (and so reports as skipped, with the reason) every test when there is no server. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    ControlPlane plane = controlPlane(context);
    return plane.unavailable() == null
        ? ConditionEvaluationResult.enabled("real kube-apiserver running")
        : ConditionEvaluationResult.disabled(
            "no real kube-apiserver here: "
                + plane.unavailable()
                + "; the mock API server tests cover this ground without one");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return controlPlane(context);
  }

  @SuppressWarnings("deprecation") // getOrComputeIfAbsent(key, fn, type): still in JUnit 5.14
  private static ControlPlane controlPlane(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent(ControlPlane.class, k -> start(), ControlPlane.class);
  }

  private static Path startScript() {
    String configured = System.getenv("KUBE_LOCAL_START");
    if (configured != null) {
      Path script = Path.of(configured).toAbsolutePath().normalize();
      return Files.isRegularFile(script) ? script : null;
    }
    // shared/ sits beside the repository in CI, and beside the worktrees' parent on developer
    // machines; tests run in a module folder.
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("shared/kube/start.sh");
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    return null;
  }

  private static ControlPlane start() {
    Path script = startScript();
    if (script == null) {
      return new ControlPlane(
          null, null, null, "shared/kube/start.sh not found (set KUBE_LOCAL_START)");
    }
    try {
      Path kubeconfig = Files.createTempFile("kube-local-", ".kubeconfig");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "bash",
                  script.toString(),
                  "--watch-pid",
                  Long.toString(ProcessHandle.current().pid())));
      String crds = System.getProperty("kube-local.crds");
      if (crds != null && Files.exists(Path.of(crds))) {
        command.addAll(List.of("--crds", crds));
      }
      command.add(kubeconfig.toString());
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      // stdout carries one line, the state dir; EOF comes when start.sh exits.
      String stateDir =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(240, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kube-local start.sh did not finish in 240 s");
      }
      return switch (process.exitValue()) {
        case 0 ->
            new ControlPlane(Path.of(stateDir), script.resolveSibling("stop.sh"), kubeconfig, null);
        case 3 ->
            new ControlPlane(
                null, null, null, "kube-apiserver or etcd binaries missing (see start.sh)");
        default ->
            throw new IllegalStateException(
                "kube-local start.sh failed with exit code " + process.exitValue());
      };
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
