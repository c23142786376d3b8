package dev.mcpfleet.runtime.transport;

import dev.mcpfleet.runtime.pipeline.Pipeline;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.util.function.Supplier;

/**
 * The handlers of one connection, in order: HTTP codec, keep-alive, the gate that judges each
 * request by its head, the body aggregator, and the handler that hands the request to the protocol.
 */
final class McpChannelInitializer extends ChannelInitializer<SocketChannel> {

  private final TransportSettings settings;
  private final Supplier<Pipeline> pipeline;
  private final McpEndpoint endpoint;
  private final InFlight inFlight;

  McpChannelInitializer(
      TransportSettings settings,
      Supplier<Pipeline> pipeline,
      McpEndpoint endpoint,
      InFlight inFlight) {
    this.settings = settings;
    this.pipeline = pipeline;
    this.endpoint = endpoint;
    this.inFlight = inFlight;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    channel
        .pipeline()
        .addLast("http", new HttpServerCodec())
        .addLast("keep-alive", new HttpServerKeepAliveHandler())
        .addLast("gate", new RequestGate(settings, pipeline))
        .addLast("body", new BodyAggregator(settings.maxBodyBytes()))
        .addLast("mcp", new McpHttpHandler(endpoint, pipeline, inFlight));
  }
}
