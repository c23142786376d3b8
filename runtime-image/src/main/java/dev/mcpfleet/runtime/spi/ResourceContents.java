package dev.mcpfleet.runtime.spi;

/**
 * The contents of one resource: exactly one of {@code text} or {@code blob} (base64).
 *
 * @param uri the resource's URI
 * @param mimeType its MIME type, or null
 * @param text text content, or null
 * @param blob base64 binary content, or null
 */
public record ResourceContents(String uri, String mimeType, String text, String blob) {

  public ResourceContents {
    if ((text == null) == (blob == null)) {
      throw new IllegalArgumentException("resource " + uri + " needs exactly one of text or blob");
    }
  }

  public static ResourceContents text(String uri, String mimeType, String text) {
    return new ResourceContents(uri, mimeType, text, null);
  }

  public static ResourceContents blob(String uri, String mimeType, String base64) {
    return new ResourceContents(uri, mimeType, null, base64);
  }
}
