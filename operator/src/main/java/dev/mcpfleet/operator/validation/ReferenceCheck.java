package dev.mcpfleet.operator.validation;

import dev.mcpfleet.operator.reference.Reference;
import dev.mcpfleet.operator.reference.Reference.Kind;
import dev.mcpfleet.operator.reference.ReferencedData;
import dev.mcpfleet.operator.reference.ReferencedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds references to Secrets, ConfigMaps or keys that do not exist, so that a pod never starts
 * without them (it would otherwise hang in CreateContainerConfigError).
 */
public final class ReferenceCheck {

  private ReferenceCheck() {}

  public static List<Finding> check(
      List<Reference> references, ReferencedData data, String namespace) {
    List<Finding> findings = new ArrayList<>();
    for (Reference ref : references) {
      if (ref.optional()) {
        continue;
      }
      Optional<ReferencedObject> object = data.find(ref.kind(), ref.name());
      String kind = ref.kind().displayName();
      if (object.isEmpty()) {
        findings.add(
            new Finding(
                ref.kind() == Kind.SECRET
                    ? Acceptance.SECRET_NOT_FOUND
                    : Acceptance.CONFIG_MAP_NOT_FOUND,
                "%s '%s' not found in namespace '%s'; create it or change %s"
                    .formatted(kind, ref.name(), namespace, ref.field())));
      } else if (!ref.whole() && !object.get().hasKey(ref.key())) {
        findings.add(
            new Finding(
                ref.kind() == Kind.SECRET
                    ? Acceptance.SECRET_KEY_NOT_FOUND
                    : Acceptance.CONFIG_MAP_KEY_NOT_FOUND,
                "%s '%s' has no key '%s'; add it or change %s"
                    .formatted(kind, ref.name(), ref.key(), ref.field())));
      }
    }
    return findings;
  }
}
