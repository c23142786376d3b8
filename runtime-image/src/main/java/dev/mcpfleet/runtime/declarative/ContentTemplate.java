package dev.mcpfleet.runtime.declarative;

import dev.mcpfleet.api.spec.ContentSpec;
import dev.mcpfleet.api.spec.ContentSpec.EmbeddedResourceSpec;
import dev.mcpfleet.api.validation.Base64Data;
import dev.mcpfleet.runtime.spi.Content;
import dev.mcpfleet.runtime.spi.ResourceContents;
import dev.mcpfleet.runtime.template.Template;
import dev.mcpfleet.runtime.template.Values;

/**
 * One content block of a text tool or prompt message, compiled once: every text field a template,
 * rendered per call into the SPI's {@link Content}.
 */
final class ContentTemplate {

  private final ContentSpec.Type type;
  private final Template text;
  private final Template data;
  private final Template mimeType;
  private final Template uri;
  private final Template name;
  private final Template description;
  private final Template resourceUri;
  private final Template resourceMimeType;
  private final Template resourceText;
  private final Template resourceBlob;
  private final Content.Annotations annotations;

  ContentTemplate(ContentSpec spec) {
    this.type = spec.type();
    this.text = plain(spec.text());
    this.data = plain(spec.data());
    this.mimeType = plain(spec.mimeType());
    this.uri = plain(spec.uri());
    this.name = plain(spec.name());
    this.description = plain(spec.description());
    EmbeddedResourceSpec r = spec.resource();
    this.resourceUri = r == null ? null : plain(r.uri());
    this.resourceMimeType = r == null ? null : plain(r.mimeType());
    this.resourceText = r == null ? null : plain(r.text());
    this.resourceBlob = r == null ? null : plain(r.blob());
    this.annotations = SpecMappings.annotations(spec.annotations());
  }

  /**
   * Renders the block.
   *
   * @throws IllegalArgumentException when an argument meant as base64 data is not base64
   */
  Content render(Values values) {
    return switch (type) {
      case TEXT -> new Content.Text(text.render(values), annotations);
      case IMAGE -> new Content.Image(base64(data, values), render(mimeType, values), annotations);
      case AUDIO -> new Content.Audio(base64(data, values), render(mimeType, values), annotations);
      case RESOURCE -> new Content.EmbeddedResource(resource(values), annotations);
      case RESOURCE_LINK ->
          new Content.ResourceLink(
              render(uri, values),
              render(name, values),
              render(description, values),
              render(mimeType, values),
              annotations);
    };
  }

  private ResourceContents resource(Values values) {
    String u = render(resourceUri, values);
    String mime = render(resourceMimeType, values);
    return resourceText != null
        ? ResourceContents.text(u, mime, resourceText.render(values))
        : ResourceContents.blob(u, mime, base64(resourceBlob, values));
  }

  private static String base64(Template template, Values values) {
    String value = Base64Data.normalize(template.render(values));
    if (template.hasPlaceholders()) {
      String problem = Base64Data.problem(value);
      if (problem != null) {
        throw new IllegalArgumentException(
            "the data for " + template.source() + " is not valid base64 (" + problem + ")");
      }
    }
    return value;
  }

  private static Template plain(String source) {
    return source == null ? null : Template.plain(source);
  }

  private static String render(Template template, Values values) {
    return template == null ? null : template.render(values);
  }
}
