package dev.mcpfleet.api.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Token buckets: one per caller, and optionally one per caller and tool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitSpec(
    @JsonPropertyDescription("Turn rate limiting off with false. Default: true.") Boolean enabled,
    @Min(1)
        @Max(1000000)
        @JsonPropertyDescription("Sustained requests per second per caller. Default: 100.")
        Integer requestsPerSecond,
    @Min(1)
        @Max(1000000)
        @JsonPropertyDescription("Requests a caller may make at once above the rate. Default: 20.")
        Integer burst,
    @Size(max = 128) @JsonPropertyDescription("Tighter limits for single tools, per caller.")
        List<ToolRateLimit> tools) {

  /** A per-caller limit on one tool. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ToolRateLimit(
      @Required @Size(min = 1, max = 128) @JsonPropertyDescription("The tool's name.") String tool,
      @Required
          @Min(1)
          @Max(1000000)
          @JsonPropertyDescription("Sustained calls per second per caller.")
          Integer requestsPerSecond,
      @Min(1) @Max(1000000) @JsonPropertyDescription("Burst above the rate. Default: 1.")
          Integer burst) {}
}
