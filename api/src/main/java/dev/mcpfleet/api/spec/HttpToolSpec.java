package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * A tool answered by an HTTP API. The URL and body are templates over the call's arguments: {@code
 * {{city}}} is replaced by the argument, URL-encoded in the URL and JSON-escaped in a JSON body, so
 * arguments can never change the request's shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpToolSpec(
    @JsonPropertyDescription("The HTTP method. Default: GET.") Method method,
    @Required
        @Size(max = 4096)
        @Pattern("^https?://.+")
        @JsonPropertyDescription(
            "The URL template, e.g. https://api.example.com/v1/weather?city={{city}}. Its host"
                + " must be reachable under network.egress.")
        String url,
    @Size(max = 32)
        @JsonPropertyDescription(
            "Request headers: literal values, or values from a Secret or ConfigMap key.")
        List<HttpHeaderSpec> headers,
    @Size(max = 65536)
        @JsonPropertyDescription(
            "The request body template; placeholders are JSON-escaped when contentType is JSON.")
        String body,
    @Size(max = 128) @JsonPropertyDescription("The body's content type. Default: application/json.")
        String contentType,
    @Pattern(Durations.PATTERN)
        @JsonPropertyDescription("Timeout of one upstream call. Default: resilience.timeout.")
        String timeout,
    @JsonPropertyDescription("How the upstream's answer becomes the tool result.")
        HttpResponseSpec response) {

  /** HTTP methods a tool may use. */
  public enum Method {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE,
    HEAD
  }

  /** How an upstream answer becomes a tool result. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HttpResponseSpec(
      @JsonPropertyDescription(
              "text: the body as one text block; json: the body (or the part that pointer"
                  + " selects) as structuredContent plus its serialized text. Default: json when"
                  + " the tool has an outputSchema, else text.")
          Format format,
      @Size(max = 1024)
          @Pattern("^(/.*)?$")
          @JsonPropertyDescription(
              "A JSON Pointer (RFC 6901) selecting the part of a JSON body to return, e.g."
                  + " /properties/periods/0.")
          String pointer,
      @Size(max = 65536)
          @JsonPropertyDescription(
              "A text template for the result; {{body}} is the selected body, other"
                  + " placeholders are arguments.")
          String template) {

    /** Result formats. */
    public enum Format {
      @JsonProperty("text")
      TEXT,
      @JsonProperty("json")
      JSON
    }
  }
}
