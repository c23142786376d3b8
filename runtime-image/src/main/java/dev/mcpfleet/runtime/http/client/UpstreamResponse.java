package dev.mcpfleet.runtime.http.client;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A complete answer from an upstream.
 *
 * @param status the HTTP status code
 * @param headers the answer's headers
 * @param body the whole body (empty when there was none)
 */
public record UpstreamResponse(int status, HttpHeaders headers, byte[] body) {

  /** The first value of header {@code name}, or null. */
  public String header(CharSequence name) {
    return headers.get(name);
  }

  /** The body decoded with the charset its Content-Type names (UTF-8 when none or unknown). */
  public String text() {
    return new String(body, charset());
  }

  /** True when the Content-Type says JSON ({@code application/json}, {@code +json}...). */
  public boolean isJson() {
    String type = header(HttpHeaderNames.CONTENT_TYPE);
    return type != null && type.toLowerCase(Locale.ROOT).contains("json");
  }

  private Charset charset() {
    String type = header(HttpHeaderNames.CONTENT_TYPE);
    if (type == null) {
      return StandardCharsets.UTF_8;
    }
    int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (at < 0) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(type.substring(at + 8).replace("\"", "").split(";")[0].strip());
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
