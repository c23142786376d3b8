package dev.mcpfleet.bench.runtime.servers;

import dev.mcpfleet.bench.common.ChildProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the benchmark starts processes: Java mains on the harness's own class path, everything on the
 * server CPUs (with {@code taskset} when the load generator has CPUs of its own), output to log
 * files in the run directory.
 *
 * @param runDir where logs and generated files go
 * @param serverCpus the {@code taskset -c} list for servers, or empty for no pinning
 */
public record Launch(Path runDir, String serverCpus) {

  /** {@code taskset -c <cpus>} when pinning, else nothing. */
  public static List<String> pinned(String cpus) {
    return cpus.isEmpty() ? List.of() : List.of("taskset", "-c", cpus);
  }

  /** Starts {@code command} on the server CPUs. */
  public ChildProcess start(
      String name, List<String> command, Path workDir, Map<String, String> env) {
    List<String> full = new ArrayList<>(pinned(serverCpus));
    full.addAll(command);
    return ChildProcess.start(
        name, full, workDir, env, runDir.resolve("logs").resolve(name + ".log"));
  }

  /** Starts a Java main of this module (or a dependency) with the given JVM options. */
  public ChildProcess startJava(
      String name, List<String> jvmOptions, Class<?> main, List<String> arguments) {
    return start(name, ChildProcess.javaCommand(jvmOptions, main, arguments), runDir, Map.of());
  }

  /** The java of the running JVM. */
  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
