package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** An icon that clients may show next to a server, tool, resource or prompt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IconSpec(
    @Required
        @Size(max = 65536)
        @Pattern("^(https://|data:).*")
        @JsonPropertyDescription("An https: URL or a data: URI of the image.")
        String src,
    @Size(max = 128) @JsonPropertyDescription("The image's MIME type, e.g. image/png.")
        String mimeType,
    @Size(max = 8) @JsonPropertyDescription("Sizes the image is suitable for, e.g. 48x48 or any.")
        List<String> sizes,
    @JsonPropertyDescription("The background the icon is designed for: light or dark.")
        Theme theme) {

  /** The background an icon is designed for. */
  public enum Theme {
    @JsonProperty("light")
    LIGHT,
    @JsonProperty("dark")
    DARK
  }
}
