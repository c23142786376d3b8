package dev.mcpfleet.runtime.definition;

import dev.mcpfleet.api.ManifestException;
import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServer;
import dev.mcpfleet.api.validation.SpecValidator;
import dev.mcpfleet.api.validation.SpecValidator.CodeItems;
import dev.mcpfleet.runtime.declarative.ManifestItems;
import dev.mcpfleet.runtime.declarative.http.HttpToolSettings;
import dev.mcpfleet.runtime.spi.McpPrompt;
import dev.mcpfleet.runtime.spi.McpProvider;
import dev.mcpfleet.runtime.spi.McpResource;
import dev.mcpfleet.runtime.spi.McpResourceTemplate;
import dev.mcpfleet.runtime.spi.McpTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a manifest file into a {@link ServerDefinition}: read strictly ({@link ManifestReader}),
 * validated ({@link SpecValidator}), then built from the manifest's items followed by those of
 * every {@link McpProvider} on the classpath. Either the whole definition is built or a {@link
 * ManifestException} names the file, the paths inside it and what to fix; nothing half-built ever
 * escapes. A manifest with {@code spec.upstream} gets its items from a {@link Fronting}: those of
 * the existing MCP server it fronts.
 */
public final class DefinitionLoader {

  /** Serves the items of an existing MCP server that a manifest fronts ({@code spec.upstream}). */
  @FunctionalInterface
  public interface Fronting {

    /**
     * The items of {@code manifest}'s upstream as known now, or empty when the manifest fronts none
     * (an upstream run for an earlier manifest is stopped then). Called once per load of a valid
     * manifest; items whose {@code problems} are not empty are not served.
     */
    Optional<ManifestItems> items(McpServer manifest);
  }

  private final HttpToolSettings httpSettings;
  private final Supplier<List<McpProvider>> providers;
  private final Fronting fronting;

  /**
   * A loader of manifests that declare their items ({@code spec.server}); one that fronts an
   * upstream is refused.
   *
   * @param providers the code-defined items, asked once per load (startup and every reload)
   */
  public DefinitionLoader(HttpToolSettings httpSettings, Supplier<List<McpProvider>> providers) {
    this(httpSettings, providers, null);
  }

  /**
   * A loader of every manifest: {@code fronting} serves those with {@code spec.upstream}.
   *
   * @param providers the code-defined items, asked once per load (startup and every reload)
   */
  public DefinitionLoader(
      HttpToolSettings httpSettings, Supplier<List<McpProvider>> providers, Fronting fronting) {
    this.httpSettings = httpSettings;
    this.providers = providers;
    this.fronting = fronting;
  }

  /** A loader with the process environment and the providers {@link ServiceLoader} finds. */
  public static DefinitionLoader standard() {
    return new DefinitionLoader(HttpToolSettings.defaults(), DefinitionLoader::serviceProviders);
  }

  /** The providers registered in {@code META-INF/services} on the classpath. */
  public static List<McpProvider> serviceProviders() {
    List<McpProvider> found = new ArrayList<>();
    ServiceLoader.load(McpProvider.class).forEach(found::add);
    return found;
  }

  /** Loads {@code file}, or explains why it cannot be served. */
  public ServerDefinition load(Path file) throws ManifestException {
    return load(file.toString(), ManifestFile.read(file));
  }

  /**
   * Loads manifest {@code text} read from {@code source} (named in messages), or explains why it
   * cannot be served.
   */
  public ServerDefinition load(String source, String text) throws ManifestException {
    McpServer manifest = ManifestReader.parse(source, text);
    boolean fronts = manifest.getSpec().upstream() != null;
    if (fronts && fronting == null) {
      throw new ManifestException(
          source,
          List.of(
              new Problem(
                  "spec.upstream",
                  "this loader cannot front an existing MCP server; serve the manifest with"
                      + " mcp-fleet serve")));
    }
    List<McpProvider> code;
    List<McpTool> codeTools;
    List<McpPrompt> codePrompts;
    List<McpResource> codeResources;
    List<McpResourceTemplate> codeTemplates;
    try {
      code = providers.get();
      codeTools = collect(code, McpProvider::tools);
      codePrompts = collect(code, McpProvider::prompts);
      codeResources = collect(code, McpProvider::resources);
      codeTemplates = collect(code, McpProvider::resourceTemplates);
    } catch (RuntimeException | ServiceConfigurationError e) {
      throw new ManifestException(
          source,
          List.of(
              new Problem(
                  "", "an McpProvider on the classpath failed to provide its items: " + e)));
    }
    List<Problem> problems =
        SpecValidator.validate(
            manifest.getSpec(),
            new CodeItems(
                names(codeTools, t -> t.descriptor().name()),
                names(codePrompts, p -> p.descriptor().name())));
    if (!problems.isEmpty()) {
      throw new ManifestException(source, problems);
    }
    ManifestItems items =
        fronts
            ? fronting.items(manifest).orElseThrow()
            : ManifestItems.of(manifest.getSpec(), httpSettings);
    if (!items.problems().isEmpty()) {
      throw new ManifestException(source, items.problems());
    }
    ServerDefinition definition;
    try {
      definition =
          new ServerDefinition(
              manifest,
              items.info(),
              concat(items.tools(), codeTools),
              concat(items.resources(), codeResources),
              concat(items.resourceTemplates(), codeTemplates),
              concat(items.prompts(), codePrompts));
    } catch (IllegalArgumentException e) {
      // The manifest alone passed the validator, so the clash or error comes with code.
      throw new ManifestException(
          source,
          List.of(
              new Problem(
                  fronts ? "spec.upstream" : "spec.server",
                  e.getMessage()
                      + " (together with the items of code on the classpath); fix or rename the"
                      + " code's item")));
    }
    if (!fronts && fronting != null) {
      fronting.items(manifest); // no upstream any more: one that ran stops
    }
    return definition;
  }

  private static <T> List<T> collect(
      List<McpProvider> providers, Function<McpProvider, List<T>> items) {
    List<T> all = new ArrayList<>();
    providers.forEach(p -> all.addAll(items.apply(p)));
    return all;
  }

  private static <T> java.util.Set<String> names(List<T> items, Function<T, String> name) {
    return items.stream().map(name).collect(Collectors.toSet());
  }

  private static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
    List<T> all = new ArrayList<>(first.size() + second.size());
    all.addAll(first);
    all.addAll(second);
    return all;
  }
}
