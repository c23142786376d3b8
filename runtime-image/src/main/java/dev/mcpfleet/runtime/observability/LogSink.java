package dev.mcpfleet.runtime.observability;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Where log lines go: a bounded queue of encoded lines and one writer thread that writes them in
 * batches, so that a busy server makes one {@code write} system call per batch instead of one per
 * line, and no request thread ever waits for the log reader while the queue has room.
 *
 * <p>Latency is bounded: the writer wakes for the first line of a batch, lets lines gather for
 * {@link #LINGER} and flushes whenever the queue has run empty, and at least every {@link
 * #MAX_DELAY} under a steady stream. On a graceful stop (the JVM's shutdown, or {@link #close}) the
 * queue is written out and later lines are written straight away, so no line is lost.
 *
 * <p>When the queue is full (the log reader is slower than the server), a line that must be kept
 * (audit) makes its writer wait for room, so the server slows to the speed of its log; any other
 * line is dropped and counted ({@link #dropped()}, the metric {@code mcp_log_lines_dropped_total}).
 */
public final class LogSink implements AutoCloseable {

  /** Lines the queue holds: a few hundred milliseconds of a busy server's audit lines. */
  static final int CAPACITY = 16_384;

  /** How long the writer lets lines gather after the first one wakes it. */
  static final Duration LINGER = Duration.ofMillis(1);

  /** The longest a written line may sit in the buffer under a steady stream of lines. */
  static final Duration MAX_DELAY = Duration.ofMillis(100);

  private static final int BUFFER_BYTES = 64 * 1024;
  private static final int BATCH = 1024;

  private static final LogSink STDOUT = startStdout();

  /** Asks the writer to flush what came before it, then counts down. */
  private record FlushRequest(CountDownLatch done) {}

  private final BlockingQueue<Object> queue;
  private final OutputStream out;
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean direct;
  private long lastFlush = System.nanoTime();

  /**
   * A sink writing to {@code out} through its own writer thread.
   *
   * @param capacity lines the queue holds
   */
  LogSink(OutputStream out, int capacity, String threadName) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.out = new BufferedOutputStream(out, BUFFER_BYTES);
    Thread.ofPlatform().name(threadName).daemon().start(this::run);
  }

  /** The process's standard output, written out on the JVM's shutdown. */
  public static LogSink stdout() {
    return STDOUT;
  }

  private static LogSink startStdout() {
    LogSink sink = new LogSink(new FileOutputStream(FileDescriptor.out), CAPACITY, "log-writer");
    Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "log-flush"));
    return sink;
  }

  /**
   * Queues one encoded line (ending with its line separator).
   *
   * @param keep whether the line must not be lost: then a full queue makes the caller wait
   * @return false when the line was dropped because the queue was full
   */
  public boolean offer(byte[] line, boolean keep) {
    if (direct) {
      writeNow(line);
      return true;
    }
    if (queue.offer(line)) {
      return true;
    }
    if (!keep) {
      dropped.incrementAndGet();
      return false;
    }
    try {
      queue.put(line);
      return true;
    } catch (InterruptedException e) {
      // Interrupted while waiting for room: write it ourselves rather than lose it.
      Thread.currentThread().interrupt();
      writeNow(line);
      return true;
    }
  }

  /**
   * Writes every line queued before this call to the stream and flushes it, waiting at most {@code
   * timeout}; returns whether it got there in time.
   */
  public boolean flush(Duration timeout) {
    if (direct) {
      return true;
    }
    FlushRequest request = new FlushRequest(new CountDownLatch(1));
    try {
      if (!queue.offer(request, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return false;
      }
      return request.done().await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Lines dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Writes out the queue, then switches to writing each later line at once (the writer thread may
   * not get to run again while the JVM stops).
   */
  @Override
  public void close() {
    flush(Duration.ofSeconds(5));
    synchronized (out) {
      direct = true;
      List<Object> rest = new ArrayList<>();
      queue.drainTo(rest);
      write(rest);
      flushQuietly();
    }
  }

  private void run() {
    List<Object> batch = new ArrayList<>(BATCH);
    while (true) {
      try {
        batch.add(queue.take());
        LockSupport.parkNanos(LINGER.toNanos());
        queue.drainTo(batch, BATCH - 1);
      } catch (InterruptedException e) {
        // The writer is never interrupted on purpose; keep serving.
        continue;
      }
      synchronized (out) {
        write(batch);
        long now = System.nanoTime();
        if (queue.isEmpty() || now - lastFlush >= MAX_DELAY.toNanos()) {
          flushQuietly();
        }
      }
      batch.clear();
    }
  }

  /** Writes lines and answers flush requests, in queue order; the caller holds {@code out}. */
  private void write(List<Object> items) {
    for (Object item : items) {
      if (item instanceof byte[] line) {
        try {
          out.write(line);
        } catch (IOException e) {
          // Standard output is gone; nothing better to do with a log line.
        }
      } else if (item instanceof FlushRequest request) {
        flushQuietly();
        request.done().countDown();
      }
    }
  }

  private void writeNow(byte[] line) {
    synchronized (out) {
      try {
        out.write(line);
      } catch (IOException e) {
        // Standard output is gone.
      }
      flushQuietly();
    }
  }

  private void flushQuietly() {
    lastFlush = System.nanoTime();
    try {
      out.flush();
    } catch (IOException e) {
      // Standard output is gone.
    }
  }
}
