package dev.mcpfleet.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LogSinkTest {

  /** A stream that counts the writes reaching it (each a system call on a real stdout). */
  private static final class CountingStream extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public synchronized void write(int b) {
      writes.incrementAndGet();
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writes.incrementAndGet();
      bytes.write(b, off, len);
    }

    synchronized List<String> lines() {
      String text = bytes.toString(StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, count(text));
    }

    private static int count(String text) {
      return (int) text.chars().filter(c -> c == '\n').count();
    }
  }

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void linesFromManyThreadsArriveWholeInTheirOrderInFarFewerWrites() throws Exception {
    CountingStream out = new CountingStream();
    LogSink sink = new LogSink(out, 1024, "test-log-writer");
    int threads = 4;
    int perThread = 5_000;
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < perThread; i++) {
                      sink.offer(line("{\"thread\":" + id + ",\"seq\":" + i + "}"), true);
                    }
                  }));
    }
    for (Thread writer : writers) {
      writer.join();
    }

    assertThat(sink.flush(Duration.ofSeconds(10))).isTrue();

    List<String> lines = out.lines();
    assertThat(lines).hasSize(threads * perThread);
    int[] next = new int[threads];
    for (String l : lines) {
      int thread = Integer.parseInt(l.replaceAll(".*\"thread\":(\\d+).*", "$1"));
      int seq = Integer.parseInt(l.replaceAll(".*\"seq\":(\\d+).*", "$1"));
      assertThat(seq).as("line %s", l).isEqualTo(next[thread]++);
    }
    assertThat(out.writes.get()).isLessThan(threads * perThread / 10);
    assertThat(sink.dropped()).isZero();
  }

  @Test
  void aLoneLineIsWrittenWithoutWaitingForMore() {
    CountingStream out = new CountingStream();
    LogSink sink = new LogSink(out, 16, "test-log-writer");

    sink.offer(line("server started"), false);

    await()
        .atMost(LogSink.MAX_DELAY.multipliedBy(10))
        .until(() -> out.lines().equals(List.of("server started")));
  }

  @Test
  void closingWritesOutTheQueueAndEveryLaterLineAtOnce() {
    CountingStream out = new CountingStream();
    LogSink sink = new LogSink(out, 1024, "test-log-writer");
    for (int i = 0; i < 100; i++) {
      sink.offer(line("before " + i), true);
    }

    sink.close();
    assertThat(out.lines()).hasSize(100).endsWith("before 99");
    sink.offer(line("after stop"), true);

    assertThat(out.lines()).hasSize(101).endsWith("after stop");
  }

  @Test
  void aFullQueueDropsAndCountsOrdinaryLinesButAuditLinesWaitForRoom() throws Exception {
    CountDownLatch reader = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStream slow =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public synchronized void write(byte[] b, int off, int len) throws IOException {
            try {
              reader.await();
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            written.write(b, off, len);
          }
        };
    LogSink sink = new LogSink(slow, 4, "test-log-writer");
    // The writer takes a first batch and blocks on the stalled reader; then the queue fills.
    for (int i = 0; i < 8 && sink.dropped() == 0; i++) {
      sink.offer(line("debug " + i), false);
      Thread.sleep(LogSink.LINGER.toMillis() * 3);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !sink.offer(line("debug more"), false));
    assertThat(sink.dropped()).isPositive();

    Thread audit = Thread.ofPlatform().start(() -> sink.offer(line("audit kept"), true));
    audit.join(200);
    assertThat(audit.isAlive())
        .as("an audit line waits for room instead of being dropped")
        .isTrue();

    reader.countDown();
    audit.join(5_000);
    assertThat(sink.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(written.toString(StandardCharsets.UTF_8)).endsWith("audit kept\n");
  }
}
