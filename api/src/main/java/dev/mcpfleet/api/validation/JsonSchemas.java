package dev.mcpfleet.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schemas of tool inputs and outputs: checked against their meta-schema (2020-12 unless {@code
 * $schema} names another dialect) and compiled once. Schemas must be self-contained: no remote
 * {@code $ref} is ever fetched.
 */
public final class JsonSchemas {

  /** The dialect of a schema without {@code $schema} (MCP 2025-11-25 and later). */
  public static final SpecificationVersion DEFAULT_DIALECT = SpecificationVersion.DRAFT_2020_12;

  // English messages whatever the machine's locale: they reach users in statuses and tool errors.
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          DEFAULT_DIALECT,
          builder ->
              builder
                  .schemaLoader(loader -> loader.fetchRemoteResources(false))
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build()));

  // Compiled schemas by content, so that the validator and the runtime compile each schema once.
  // Bounded: a reload that changes every schema simply starts over.
  private static final int MAX_CACHED = 512;
  private static final Map<JsonNode, Schema> COMPILED = new ConcurrentHashMap<>();

  private JsonSchemas() {}

  /**
   * One problem found in a schema.
   *
   * @param pointer where inside the schema, as dotted path segments ({@code properties.city.type})
   *     or empty for the schema itself
   * @param message what is wrong
   */
  public record SchemaProblem(String pointer, String message) {}

  /**
   * Checks {@code schema} against its dialect's meta-schema and compiles it (resolving every {@code
   * $ref}). Returns nothing when the schema is usable.
   */
  public static List<SchemaProblem> problems(JsonNode schema) {
    Optional<SpecificationVersion> dialect;
    try {
      dialect = SpecificationVersion.fromSchemaNode(schema);
    } catch (RuntimeException e) {
      dialect = Optional.empty();
    }
    JsonNode declared = schema.get("$schema");
    if (declared != null && dialect.isEmpty()) {
      return List.of(
          new SchemaProblem(
              "$schema",
              "'"
                  + declared.asText()
                  + "' is not a JSON Schema dialect MCP Fleet knows; use"
                  + " https://json-schema.org/draft/2020-12/schema (the default) or a draft-04,"
                  + " -06, -07 or 2019-09 URI"));
    }
    Schema meta =
        REGISTRY.getSchema(SchemaLocation.of(dialect.orElse(DEFAULT_DIALECT).getDialectId()));
    // One message per place: the meta-schema often reports a wrong value several ways.
    Map<String, SchemaProblem> byPlace = new LinkedHashMap<>();
    for (Error e : meta.validate(schema)) {
      String pointer = dotted(e.getInstanceLocation().toString());
      byPlace.putIfAbsent(pointer, new SchemaProblem(pointer, e.getMessage()));
    }
    if (!byPlace.isEmpty()) {
      return List.copyOf(byPlace.values());
    }
    try {
      compile(schema);
      return List.of();
    } catch (SchemaException | IllegalStateException e) {
      return List.of(new SchemaProblem("", unresolvable(e)));
    }
  }

  /**
   * The compiled schema; compiled on first use and shared afterwards.
   *
   * @throws SchemaException when the schema cannot be compiled (see {@link #problems})
   */
  public static Schema compile(JsonNode schema) {
    Schema cached = COMPILED.get(schema);
    if (cached != null) {
      return cached;
    }
    Schema compiled = REGISTRY.getSchema(schema);
    compiled.initializeValidators();
    if (COMPILED.size() >= MAX_CACHED) {
      COMPILED.clear();
    }
    COMPILED.put(schema.deepCopy(), compiled);
    return compiled;
  }

  /**
   * Validates {@code instance} against a compiled schema; returns one readable line per problem,
   * such as {@code "/city: integer found, string expected"}.
   */
  public static List<String> violations(Schema schema, JsonNode instance) {
    List<String> lines = new ArrayList<>();
    for (Error e : schema.validate(instance)) {
      String at = e.getInstanceLocation().toString();
      lines.add(at.isEmpty() ? e.getMessage() : at + ": " + e.getMessage());
    }
    return lines;
  }

  private static String unresolvable(Exception e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (detail.contains("FileNotFoundException") || detail.contains("://")) {
      return "refers to a schema that cannot be loaded ("
          + detail.replaceFirst("^[\\w.]+Exception: ", "")
          + "); schemas must be self-contained: put shared parts under $defs and refer to"
          + " #/$defs/...";
    }
    return detail + "; fix the $ref or the keyword it names";
  }

  /**
   * {@code /properties/city/type} becomes {@code properties.city.type}, {@code /required/0} {@code
   * required[0]}.
   */
  private static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(segment).append(']');
      } else {
        sb.append(sb.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }
}
