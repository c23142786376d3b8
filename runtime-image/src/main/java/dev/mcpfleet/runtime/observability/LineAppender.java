package dev.mcpfleet.runtime.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * A Logback appender that encodes each event on the thread that logs it (with that thread's MDC, so
 * nothing has to be copied for later) and hands the bytes to a {@link LogSink}, which writes them
 * in batches. Lines that must be kept (audit) wait for room in a full queue; others are dropped and
 * counted.
 */
final class LineAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  private final Encoder<ILoggingEvent> encoder;
  private final LogSink sink;
  private final boolean keep;

  LineAppender(Encoder<ILoggingEvent> encoder, LogSink sink, boolean keep) {
    this.encoder = encoder;
    this.sink = sink;
    this.keep = keep;
  }

  @Override
  protected void append(ILoggingEvent event) {
    sink.offer(encoder.encode(event), keep);
  }

  /** Stopping the appender (a reconfiguration) writes out what it queued. */
  @Override
  public void stop() {
    super.stop();
    sink.flush(java.time.Duration.ofSeconds(5));
  }
}
