package dev.mcpfleet.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpfleet.runtime.pipeline.Pipeline;
import dev.mcpfleet.runtime.protocol.session.Session;
import dev.mcpfleet.runtime.spi.Caller;
import dev.mcpfleet.runtime.transport.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC batch of 2025-03-26: every message is handled as if sent alone, and the responses
 * leave together as one JSON array (202 when the batch held only notifications and responses). A
 * batch answers as plain JSON, so calls in it send no progress or log notifications.
 */
final class BatchRequests {

  private final McpServices services;
  private final Dispatcher dispatcher;
  private final Revision revision;
  private final Session session;

  BatchRequests(McpServices services, Dispatcher dispatcher, Revision revision, Session session) {
    this.services = services;
    this.dispatcher = dispatcher;
    this.revision = revision;
    this.session = session;
  }

  void handle(JsonNode batch, Exchange parent) {
    if (batch.isEmpty()) {
      McpService.bare(parent, null, McpError.invalidRequest("An empty batch holds no message"));
      return;
    }
    parent.describe("batch", "success");
    Collector collector = new Collector(parent, batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Slot slot = new Slot(parent, collector, i);
      JsonNode element = batch.get(i);
      JsonRpc.Message message;
      try {
        message = JsonRpc.read(element);
        if ("initialize".equals(message.method())) {
          throw McpError.invalidRequest("initialize must be sent alone, not in a batch");
        }
      } catch (McpError e) {
        JsonNode id = element.get("id");
        slot.finish(HttpResponseStatus.OK, JsonRpc.error(parent.alloc(), id, e));
        continue;
      }
      switch (message.kind()) {
        case RESPONSE -> {
          if (session != null) {
            session.answered(message.id(), message.response());
          }
          slot.end();
        }
        case NOTIFICATION -> {
          if (session != null && "notifications/cancelled".equals(message.method())) {
            JsonNode requestId = message.params().get("requestId");
            if (requestId != null) {
              session.cancel(requestId);
            }
          }
          slot.end();
        }
        case REQUEST ->
            dispatcher.dispatch(
                new RequestContext(
                    services,
                    slot,
                    message,
                    revision,
                    session,
                    session == null ? Json.object() : session.clientCapabilities(),
                    LogLevel.INFO));
      }
    }
  }

  /** Gathers the batch's responses in order and answers once all are in. */
  private static final class Collector {
    private final Exchange parent;
    private final ByteBuf[] answers;
    private final AtomicInteger remaining;

    Collector(Exchange parent, int size) {
      this.parent = parent;
      this.answers = new ByteBuf[size];
      this.remaining = new AtomicInteger(size);
    }

    void complete(int index, ByteBuf answer) {
      synchronized (answers) {
        answers[index] = answer;
      }
      if (remaining.decrementAndGet() > 0) {
        return;
      }
      CompositeByteBuf array = parent.alloc().compositeBuffer(answers.length * 2 + 1);
      array.addComponent(true, Unpooled.copiedBuffer("[", StandardCharsets.US_ASCII));
      boolean first = true;
      for (ByteBuf part : answers) {
        if (part == null) {
          continue;
        }
        if (!first) {
          array.addComponent(true, Unpooled.copiedBuffer(",", StandardCharsets.US_ASCII));
        }
        array.addComponent(true, part);
        first = false;
      }
      if (first) {
        array.release();
        parent.finishEmpty(HttpResponseStatus.ACCEPTED);
        return;
      }
      array.addComponent(true, Unpooled.copiedBuffer("]", StandardCharsets.US_ASCII));
      parent.finish(HttpResponseStatus.OK, array);
    }
  }

  /** One message's place in the batch: its answer goes into the array. */
  private static final class Slot implements Exchange {
    private final Exchange parent;
    private final Collector collector;
    private final int index;
    private final AtomicInteger done = new AtomicInteger();

    Slot(Exchange parent, Collector collector, int index) {
      this.parent = parent;
      this.collector = collector;
      this.index = index;
    }

    @Override
    public HttpHeaders requestHeaders() {
      return parent.requestHeaders();
    }

    @Override
    public Caller caller() {
      return parent.caller();
    }

    @Override
    public Pipeline pipeline() {
      return parent.pipeline();
    }

    @Override
    public ByteBufAllocator alloc() {
      return parent.alloc();
    }

    @Override
    public boolean acceptsSse() {
      return false;
    }

    @Override
    public boolean finished() {
      return done.get() > 0;
    }

    @Override
    public boolean aborted() {
      return parent.aborted();
    }

    @Override
    public void describe(String method, String outcome) {}

    @Override
    public void header(String name, String value) {
      parent.header(name, value);
    }

    @Override
    public void onAbort(Runnable action) {
      parent.onAbort(action);
    }

    @Override
    public boolean send(ByteBuf message) {
      message.release();
      return false;
    }

    @Override
    public void openStream() {}

    @Override
    public void keepAlive() {}

    @Override
    public void finish(HttpResponseStatus status, ByteBuf message) {
      if (done.getAndIncrement() == 0) {
        collector.complete(index, message);
      } else {
        message.release();
      }
    }

    @Override
    public void finishEmpty(HttpResponseStatus status) {
      end();
    }

    @Override
    public void end() {
      if (done.getAndIncrement() == 0) {
        collector.complete(index, null);
      }
    }
  }
}
