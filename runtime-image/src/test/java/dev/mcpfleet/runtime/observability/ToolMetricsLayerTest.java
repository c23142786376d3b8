package dev.mcpfleet.runtime.observability;

import static dev.mcpfleet.runtime.layers.LayerFixtures.args;
import static dev.mcpfleet.runtime.layers.LayerFixtures.call;
import static dev.mcpfleet.runtime.layers.LayerFixtures.context;
import static dev.mcpfleet.runtime.layers.LayerFixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpfleet.runtime.layers.LayerFixtures;
import dev.mcpfleet.runtime.spi.CallContext;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.spi.ToolResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolMetricsLayerTest {

  @Test
  void aRoundWaitingForTheClientsInputIsNotCountedAsAnError() throws Exception {
    Metrics metrics = new Metrics();
    ToolMetricsLayer layer = new ToolMetricsLayer(metrics.registry(), List.of("confirm"));

    assertThatThrownBy(
            () ->
                call(
                    List.of(layer),
                    LayerFixtures.waitingForInput("confirm"),
                    args("{}"),
                    context(Caller.ANONYMOUS)))
        .isInstanceOf(CallContext.InputRequiredSignal.class);
    call(
        List.of(layer),
        tool("confirm", (c, ctx) -> ToolResult.text("done")),
        args("{}"),
        context(Caller.ANONYMOUS));

    assertThat(metrics.scrape())
        .contains("mcp_tool_calls_total{outcome=\"success\",tool=\"confirm\"} 1.0")
        .contains("mcp_tool_calls_total{outcome=\"error\",tool=\"confirm\"} 0.0")
        .doesNotContain("code=\"INTERNAL_ERROR\"");
    metrics.close();
  }
}
