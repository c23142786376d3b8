package dev.mcpfleet.e2e.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The objects `helm template` rendered, with lookups by type and by template file. */
public record RenderedChart(String manifest, List<HasMetadata> objects) {

  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: [^/]+/templates/(\\S+)$");

  public <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The one object of this type; fails the test when there is none or several. */
  public <T extends HasMetadata> T one(Class<T> type) {
    List<T> found = all(type);
    assertThat(found).as("rendered %s objects", type.getSimpleName()).hasSize(1);
    return found.getFirst();
  }

  List<String> kinds() {
    return objects.stream().map(HasMetadata::getKind).toList();
  }

  /** Template file name → the kinds of the objects it rendered. */
  Map<String, Set<String>> sources() {
    Map<String, Set<String>> kindsByFile = new TreeMap<>();
    for (String document : manifest.split("(?m)^---$")) {
      Matcher source = SOURCE.matcher(document);
      if (source.find()) {
        for (HasMetadata object : HelmChart.parse(document)) {
          kindsByFile.computeIfAbsent(source.group(1), f -> new TreeSet<>()).add(object.getKind());
        }
      }
    }
    return kindsByFile;
  }
}
