package dev.mcpfleet.operator.validation;

import dev.mcpfleet.api.ManifestException.Problem;
import dev.mcpfleet.api.McpServerSpec;
import java.util.List;

/**
 * Pure checks of a spec beyond what the CRD schema can say (tool schemas, templates, names that
 * must agree across sections). The api module's SpecValidator provides them; this interface keeps
 * the operator's call site independent of where they live.
 */
@FunctionalInterface
public interface SpecRules {

  /** Every problem of the spec, each at a path such as {@code spec.server.tools[0].inputSchema}. */
  List<Problem> validate(McpServerSpec spec);
}
