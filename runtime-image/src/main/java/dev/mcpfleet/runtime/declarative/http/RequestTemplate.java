package dev.mcpfleet.runtime.declarative.http;

import dev.mcpfleet.api.spec.HttpHeaderSpec;
import dev.mcpfleet.api.spec.HttpToolSpec;
import dev.mcpfleet.runtime.http.client.UpstreamRequest;
import dev.mcpfleet.runtime.template.Escapers;
import dev.mcpfleet.runtime.template.Template;
import dev.mcpfleet.runtime.template.Values;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP tool's request, compiled once: the URL with percent-encoded arguments, headers (literal
 * templates or values resolved from the environment at load), and the body escaped for its content
 * type.
 */
final class RequestTemplate {

  private record Header(String name, Template value, String fixed) {
    String render(Values values) {
      return value == null ? fixed : value.render(values);
    }
  }

  private final String method;
  private final Template url;
  private final List<Header> headers;
  private final Template body;
  private final String contentType;

  /**
   * @param resolved values of {@code valueFrom} headers by index in {@code spec.headers()}, prefix
   *     included
   */
  RequestTemplate(HttpToolSpec spec, Map<Integer, String> resolved) {
    this.method = spec.method() == null ? "GET" : spec.method().name();
    this.url = Template.of(spec.url(), Escapers.URL_COMPONENT);
    List<Header> compiled = new ArrayList<>();
    List<HttpHeaderSpec> declared = spec.headers() == null ? List.of() : spec.headers();
    for (int i = 0; i < declared.size(); i++) {
      HttpHeaderSpec h = declared.get(i);
      compiled.add(
          h.value() != null
              ? new Header(h.name(), Template.of(h.value(), Escapers.HEADER), null)
              : new Header(h.name(), null, resolved.get(i)));
    }
    this.headers = List.copyOf(compiled);
    this.contentType = spec.contentType() == null ? "application/json" : spec.contentType();
    this.body = spec.body() == null ? null : Template.body(spec.body(), contentType);
  }

  String method() {
    return method;
  }

  /**
   * The request for these argument values.
   *
   * @throws IllegalArgumentException when an argument cannot go where the template puts it (a line
   *     break in a header)
   */
  UpstreamRequest build(Values values, Duration timeout) {
    URI uri = URI.create(url.render(values));
    HttpHeaders wire = UpstreamRequest.newHeaders();
    boolean typed = false;
    for (Header h : headers) {
      wire.add(h.name(), h.render(values));
      typed |= h.name().equalsIgnoreCase("Content-Type");
    }
    byte[] content = null;
    if (body != null) {
      if (!typed) {
        wire.add("Content-Type", contentType);
      }
      content = body.render(values).getBytes(StandardCharsets.UTF_8);
    }
    return new UpstreamRequest(method, uri, wire, content, timeout);
  }
}
