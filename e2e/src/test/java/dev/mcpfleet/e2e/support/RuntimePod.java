package dev.mcpfleet.e2e.support;

import dev.mcpfleet.api.Defaults;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays kubelet for one pod of an McpServer's Deployment: the runtime container started as a local
 * process from the runtime image's entrypoint on the built distribution, with the container's args,
 * its environment resolved from the Secrets and ConfigMaps it references, and its volumes written
 * to a folder. Two things differ from a node: mount paths become folders under {@code podDir} (the
 * arguments and environment values inside a mount follow them, and the API-key mount is announced
 * with the runtime's MCP_API_KEYS_DIR), and the port is any free one. Other containers of the pod
 * (an upstream's sidecar) are the test's to stand in for.
 */
public final class RuntimePod {

  static final Path IMAGE_CONTEXT = Repository.resolve("runtime-image");

  private RuntimePod() {}

  public static RuntimeProcess start(Deployment deployment, KubernetesClient client, Path podDir) {
    String namespace = deployment.getMetadata().getNamespace();
    var pod = deployment.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().getFirst();
    Map<String, String> mounts =
        mountVolumes(container, pod.getVolumes(), client, namespace, podDir);

    Dockerfile image = Dockerfile.read(IMAGE_CONTEXT.resolve("Dockerfile"));
    List<String> entrypoint =
        container.getCommand() == null || container.getCommand().isEmpty()
            ? image.entrypoint()
            : container.getCommand();
    List<String> args =
        container.getArgs() == null || container.getArgs().isEmpty()
            ? image.cmd()
            : container.getArgs();
    List<String> command = new ArrayList<>(image.localize(entrypoint, IMAGE_CONTEXT, Map.of()));
    command.addAll(anyPort(image.localize(args, IMAGE_CONTEXT, mounts)));

    Map<String, String> env = environment(container, client, namespace, deployment);
    env.replaceAll((name, value) -> localized(value, mounts));
    String apiKeys = mounts.get(Defaults.API_KEYS_DIR);
    if (apiKeys != null) {
      env.put("MCP_API_KEYS_DIR", apiKeys);
    }
    return RuntimeProcess.start(command, env, podDir);
  }

  /** A value inside a mounted path (HOME=/tmp), moved into that mount's local folder. */
  private static String localized(String value, Map<String, String> mounts) {
    for (Map.Entry<String, String> mount : mounts.entrySet()) {
      if (value.equals(mount.getKey()) || value.startsWith(mount.getKey() + "/")) {
        return mount.getValue() + value.substring(mount.getKey().length());
      }
    }
    return value;
  }

  private static List<String> anyPort(List<String> args) {
    List<String> local = new ArrayList<>(args);
    int port = local.indexOf("--port");
    if (port >= 0) {
      local.set(port + 1, "0");
    }
    return local;
  }

  private static Map<String, String> mountVolumes(
      Container container,
      List<Volume> volumes,
      KubernetesClient client,
      String namespace,
      Path podDir) {
    Map<String, String> mounts = new LinkedHashMap<>();
    for (VolumeMount mount : container.getVolumeMounts()) {
      Volume volume =
          volumes.stream()
              .filter(v -> v.getName().equals(mount.getName()))
              .findFirst()
              .orElseThrow();
      Path dir = podDir.resolve("volumes").resolve(volume.getName());
      Map<String, byte[]> files = new HashMap<>();
      if (volume.getConfigMap() != null) {
        ConfigMap map =
            client
                .configMaps()
                .inNamespace(namespace)
                .withName(volume.getConfigMap().getName())
                .get();
        map.getData().forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
      } else if (volume.getSecret() != null) {
        Secret secret =
            client
                .secrets()
                .inNamespace(namespace)
                .withName(volume.getSecret().getSecretName())
                .get();
        secret.getData().forEach((k, v) -> files.put(k, Base64.getDecoder().decode(v)));
      }
      write(dir, files);
      mounts.put(mount.getMountPath(), dir.toString());
    }
    return mounts;
  }

  private static void write(Path dir, Map<String, byte[]> files) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Files.write(dir.resolve(file.getKey()), file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> environment(
      Container container, KubernetesClient client, String namespace, Deployment deployment) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from :
        container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      if (from.getSecretRef() != null) {
        secretData(client, namespace, from.getSecretRef().getName())
            .forEach((k, v) -> env.put(prefix + k, v));
      } else if (from.getConfigMapRef() != null) {
        client
            .configMaps()
            .inNamespace(namespace)
            .withName(from.getConfigMapRef().getName())
            .get()
            .getData()
            .forEach((k, v) -> env.put(prefix + k, v));
      }
    }
    for (EnvVar var : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
      String value =
          var.getValue() != null
              ? var.getValue()
              : resolve(var.getValueFrom(), client, namespace, deployment);
      if (value != null) {
        env.put(var.getName(), value);
      }
    }
    return env;
  }

  private static String resolve(
      EnvVarSource source, KubernetesClient client, String namespace, Deployment deployment) {
    if (source == null) {
      return null;
    }
    if (source.getSecretKeyRef() != null) {
      return secretData(client, namespace, source.getSecretKeyRef().getName())
          .get(source.getSecretKeyRef().getKey());
    }
    if (source.getConfigMapKeyRef() != null) {
      return client
          .configMaps()
          .inNamespace(namespace)
          .withName(source.getConfigMapKeyRef().getName())
          .get()
          .getData()
          .get(source.getConfigMapKeyRef().getKey());
    }
    if (source.getFieldRef() != null) {
      return switch (source.getFieldRef().getFieldPath()) {
        case "metadata.name" -> deployment.getMetadata().getName() + "-7d4b9c-x2k8p";
        case "metadata.namespace" -> namespace;
        case "status.podIP", "status.hostIP" -> "127.0.0.1";
        default -> null;
      };
    }
    return null;
  }

  private static Map<String, String> secretData(
      KubernetesClient client, String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    Map<String, String> data = new HashMap<>();
    if (secret != null && secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    return data;
  }
}
