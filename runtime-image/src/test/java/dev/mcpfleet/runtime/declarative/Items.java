package dev.mcpfleet.runtime.declarative;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpfleet.api.ManifestReader;
import dev.mcpfleet.api.McpServerSpec;
import dev.mcpfleet.api.validation.SpecValidator;
import dev.mcpfleet.runtime.declarative.http.HttpToolSettings;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.McpTool;
import dev.mcpfleet.runtime.spi.ToolCall;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.Map;

/** Builds declarative items from YAML and calls them, for tests. */
public final class Items {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Items() {}

  /** The spec whose {@code spec:} section is {@code specYaml}; it must be valid. */
  public static McpServerSpec spec(String specYaml) {
    try {
      McpServerSpec spec =
          ManifestReader.parse(
                  "test.yaml",
                  "apiVersion: mcpfleet.dev/v1alpha1\nkind: McpServer\nmetadata: {name: t}\nspec:\n"
                      + specYaml.indent(2))
              .getSpec();
      var problems = SpecValidator.validate(spec);
      if (!problems.isEmpty()) {
        throw new AssertionError("test spec is invalid: " + problems);
      }
      return spec;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The items of the server section {@code serverYaml}, with {@code env} as environment. */
  public static ManifestItems of(String serverYaml, Map<String, String> env) {
    return ManifestItems.of(
        spec("server:\n" + serverYaml.indent(2)),
        new HttpToolSettings(HttpToolSettings.defaults().client(), java.util.List.of(), env::get));
  }

  public static ManifestItems of(String serverYaml) {
    return of(serverYaml, Map.of());
  }

  /** Calls {@code tool} with JSON {@code arguments}. */
  public static ToolResult call(McpTool tool, String arguments) throws Exception {
    return tool.call(
        new ToolCall(tool.descriptor().name(), (ObjectNode) JSON.readTree(arguments)), CONTEXT);
  }

  /** A context for items that use none of it. */
  public static final CallContext CONTEXT =
      new CallContext() {
        @Override
        public Caller caller() {
          return Caller.ANONYMOUS;
        }

        @Override
        public String requestId() {
          return "test";
        }

        @Override
        public void progress(double progress, Double total, String message) {}

        @Override
        public void log(
            String level, String logger, com.fasterxml.jackson.databind.JsonNode data) {}

        @Override
        public boolean cancelled() {
          return false;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode elicit(
            String key, String message, ObjectNode requestedSchema) {
          throw new UnsupportedOperationException();
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode sample(String key, ObjectNode params) {
          throw new UnsupportedOperationException();
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode listRoots(String key) {
          throw new UnsupportedOperationException();
        }
      };
}
