package dev.mcpfleet.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mcpfleet.api.ManifestException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an McpServer manifest (YAML or JSON), strictly: unknown fields and wrong types are errors
 * that name the file, the path inside it and what to fix. A file may hold a whole McpServer, one
 * among other documents (Secrets, ConfigMaps...), or just the {@code server} part.
 */
public final class ManifestReader {

  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // No FAIL_ON_TRAILING_TOKENS: documents() reads every document anyway, and the check
          // breaks fabric8 deserializers that read a sub-tree (Quantity: "cpu: 500m").
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private ManifestReader() {}

  /** Reads the McpServer in {@code file}. */
  public static McpServer read(Path file) throws ManifestException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw single(file.toString(), "", "no such file");
    } catch (IOException e) {
      throw single(file.toString(), "", "cannot read: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /** Parses manifest text; {@code source} names it in error messages. */
  public static McpServer parse(String source, String text) throws ManifestException {
    List<JsonNode> documents = documents(source, text);
    JsonNode manifest = select(source, documents);
    return bind(source, manifest);
  }

  /** The shared strict mapper, for callers that bind parts of a manifest themselves. */
  public static ObjectMapper mapper() {
    return YAML;
  }

  private static List<JsonNode> documents(String source, String text) throws ManifestException {
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = YAML.createParser(text)) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          documents.add(doc);
        }
      }
    } catch (JacksonException e) {
      throw single(source, "", "not valid YAML or JSON" + at(e.getLocation()) + ": " + reason(e));
    } catch (IOException | RuntimeException e) {
      throw single(source, "", "not valid YAML or JSON: " + e.getMessage());
    }
    if (documents.isEmpty()) {
      throw single(source, "", "the file is empty; write an McpServer manifest in it");
    }
    return documents;
  }

  private static JsonNode select(String source, List<JsonNode> documents) throws ManifestException {
    List<JsonNode> servers =
        documents.stream().filter(d -> McpServer.KIND.equals(d.path("kind").asText())).toList();
    if (servers.size() > 1) {
      throw single(
          source, "", "holds " + servers.size() + " McpServer documents; keep one per file");
    }
    if (servers.size() == 1) {
      JsonNode server = servers.get(0);
      String apiVersion = server.path("apiVersion").asText();
      if (!McpServer.API_VERSION.equals(apiVersion)) {
        throw single(
            source,
            "apiVersion",
            "is '" + apiVersion + "'; an McpServer needs apiVersion " + McpServer.API_VERSION);
      }
      return server;
    }
    JsonNode only = documents.get(0);
    if (documents.size() == 1 && only.isObject() && !only.has("kind") && only.has("name")) {
      // Just the server part: wrap it so that paths and binding are those of a full manifest.
      ObjectNode wrapped = YAML.createObjectNode();
      wrapped.put("apiVersion", McpServer.API_VERSION).put("kind", McpServer.KIND);
      wrapped.putObject("metadata").put("name", only.path("name").asText());
      wrapped.putObject("spec").set("server", only);
      return wrapped;
    }
    throw single(
        source,
        "",
        "holds no McpServer; write a manifest with apiVersion "
            + McpServer.API_VERSION
            + " and kind McpServer, or just its server part (name, tools, ...)");
  }

  private static McpServer bind(String source, JsonNode manifest) throws ManifestException {
    try {
      McpServer server = YAML.treeToValue(manifest, McpServer.class);
      if (server.getSpec() == null) {
        throw single(source, "spec", "is missing; an McpServer needs a spec");
      }
      return server;
    } catch (JsonMappingException e) {
      throw single(source, path(e), explain(e));
    } catch (JacksonException e) {
      throw single(source, "", reason(e));
    }
  }

  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  static String explain(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : u.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
      return "unknown field '"
          + u.getPropertyName()
          + "'"
          + (known.isEmpty() ? "" : "; fields allowed here: " + known);
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
      Class<?> type = f.getTargetType();
      if (type.isEnum()) {
        String allowed =
            Arrays.stream(type.getEnumConstants())
                .map(c -> YAML.convertValue(c, String.class))
                .collect(Collectors.joining(", "));
        return "'" + f.getValue() + "' is not allowed; use one of: " + allowed;
      }
      return "'" + f.getValue() + "' is not " + describe(type);
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "expected " + describe(m.getTargetType());
    }
    return reason(e);
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object (key: value pairs)";
    }
    return "a " + type.getSimpleName();
  }

  private static String reason(JacksonException e) {
    String message = e.getOriginalMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static ManifestException single(String source, String path, String message) {
    return new ManifestException(source, List.of(new Problem(path, message)));
  }
}
