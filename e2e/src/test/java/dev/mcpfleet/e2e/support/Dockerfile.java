package dev.mcpfleet.e2e.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The instructions of a Dockerfile that define how its container starts: base image, user, exposed
 * ports, entrypoint and default arguments (exec form only), and the files it copies.
 */
public record Dockerfile(
    String from,
    String user,
    List<Integer> exposedPorts,
    List<String> entrypoint,
    List<String> cmd,
    Map<String, String> copies) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static Dockerfile read(Path file) {
    String from = null;
    String user = null;
    List<Integer> ports = new ArrayList<>();
    List<String> entrypoint = List.of();
    List<String> cmd = List.of();
    Map<String, String> copies = new java.util.LinkedHashMap<>();
    try {
      // Continuation lines joined, comments dropped.
      String text = Files.readString(file).replaceAll("\\\\\\n", " ");
      for (String line : text.split("\\n")) {
        String[] parts = line.strip().split("\\s+", 2);
        if (parts.length < 2 || parts[0].startsWith("#")) {
          continue;
        }
        String args = parts[1].strip();
        switch (parts[0].toUpperCase()) {
          case "FROM" -> from = args;
          case "USER" -> user = args;
          case "EXPOSE" -> {
            for (String port : args.split("\\s+")) {
              ports.add(Integer.parseInt(port.replace("/tcp", "")));
            }
          }
          case "ENTRYPOINT" -> entrypoint = execForm(args);
          case "CMD" -> cmd = execForm(args);
          case "COPY" -> {
            String[] paths = args.split("\\s+");
            copies.put(paths[paths.length - 1], paths[0]);
          }
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Dockerfile(from, user, List.copyOf(ports), entrypoint, cmd, copies);
  }

  /** ENTRYPOINT followed by CMD: what the container runs when the pod gives no command or args. */
  public List<String> commandLine() {
    List<String> all = new ArrayList<>(entrypoint);
    all.addAll(cmd);
    return all;
  }

  /**
   * The container's command line made runnable on this machine: {@code java} is this JVM's, paths
   * the Dockerfile copies into the image are the build context's files, and {@code mounts} maps
   * paths a pod would mount to local files.
   */
  public List<String> localCommandLine(Path context, Map<String, String> mounts) {
    return localize(commandLine(), context, mounts);
  }

  /** Container arguments (e.g. ENTRYPOINT, or a pod's args) with the same mapping. */
  public List<String> localize(List<String> args, Path context, Map<String, String> mounts) {
    List<String> command = new ArrayList<>();
    for (String arg : args) {
      command.add(local(arg, context, mounts));
    }
    if (!command.isEmpty() && command.getFirst().equals("java")) {
      command.set(0, ProcessHandle.current().info().command().orElse("java"));
    }
    return command;
  }

  private String local(String arg, Path context, Map<String, String> mounts) {
    for (Map.Entry<String, String> mount : mounts.entrySet()) {
      String target = mount.getKey().replaceAll("/$", "");
      if (arg.equals(target) || arg.startsWith(target + "/")) {
        return mount.getValue() + arg.substring(target.length());
      }
    }
    for (Map.Entry<String, String> copy : copies.entrySet()) {
      String target = copy.getKey().replaceAll("/$", "");
      if (arg.equals(target) || arg.startsWith(target + "/")) {
        return context.resolve(copy.getValue()) + arg.substring(target.length());
      }
    }
    return arg;
  }

  private static List<String> execForm(String args) throws IOException {
    if (!args.startsWith("[")) {
      throw new IllegalArgumentException("use the exec form [\"...\"], not: " + args);
    }
    return JSON.readValue(args, new TypeReference<List<String>>() {});
  }
}
