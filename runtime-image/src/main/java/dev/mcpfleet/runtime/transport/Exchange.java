package dev.mcpfleet.runtime.transport;

import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.spi.Caller;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Where the answer to one JSON-RPC message goes, as the protocol layer sees it: an HTTP exchange
 * ({@link HttpExchange}), or one slot of a batch. Methods may be called from any thread.
 */
public interface Exchange {

  HttpHeaders requestHeaders();

  /** The caller the guards established. */
  Caller caller();

  /** The layers this request passes: one snapshot for the whole request. */
  Pipeline pipeline();

  ByteBufAllocator alloc();

  /** Whether messages may precede the answer (an SSE stream). */
  boolean acceptsSse();

  /** True once the answer was written or the client went away. */
  boolean finished();

  /** Whether the client went away before the answer was complete. */
  boolean aborted();

  /** Names the request for observers: its JSON-RPC method and outcome (success, error, ...). */
  void describe(String method, String outcome);

  /** Adds a header to the response (before it starts). */
  void header(String name, String value);

  /** Runs {@code action} if the client goes away before the answer is complete. */
  void onAbort(Runnable action);

  /** Sends a message ahead of the answer, opening the SSE stream; false when dropped. */
  boolean send(ByteBuf message);

  /** Opens the SSE stream now (listen and GET streams). */
  void openStream();

  /** Writes an SSE comment that keeps an idle stream alive through proxies. */
  void keepAlive();

  /**
   * The final answer: the last SSE event if streaming, else a JSON response with {@code status}.
   */
  void finish(HttpResponseStatus status, ByteBuf message);

  /** Answers with a status and no body (202 for accepted notifications and responses). */
  void finishEmpty(HttpResponseStatus status);

  /** Ends the answer without a message (a cancelled call, a closed stream). */
  void end();
}
