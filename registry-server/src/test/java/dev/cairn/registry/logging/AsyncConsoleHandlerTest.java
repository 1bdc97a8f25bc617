package dev.cairn.registry.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.metrics.Metrics;
import dev.cairn.registry.service.HttpMetrics;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 item 7: the access log's writer takes lines from request threads through a bounded,
 * lock-free queue and writes them in batches. Every line arrives once and in its thread's order,
 * and is flushed without waiting for more; when the queue is full, lines are dropped, counted in
 * {@code cairn_log_lines_dropped_total} and said in the log, never lost silently, and the request
 * thread does not wait.
 */
class AsyncConsoleHandlerTest {

  /** Collects what the handler writes. */
  private static final class Collected extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    synchronized List<String> lines() {
      String text = bytes.toString(StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
  }

  @Test
  void everyLineArrivesOnceInItsThreadsOrderAndIsFlushedWithoutMore() throws Exception {
    Collected out = new Collected();
    AsyncConsoleHandler handler = new AsyncConsoleHandler(out, 1 << 20);
    int threads = 4;
    int each = 20_000;
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < each; i++) {
                      handler.offer("{\"t\":" + id + ",\"i\":" + i + "}\n");
                    }
                  }));
    }
    for (Thread writer : writers) {
      writer.join();
    }

    // No flush() and no further line: the writer flushes once it finds nothing waiting.
    await(() -> out.lines().size() == threads * each);
    Map<Integer, Integer> next = new HashMap<>();
    for (String line : out.lines()) {
      int t = Integer.parseInt(line.substring(line.indexOf(':') + 1, line.indexOf(',')));
      int i = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1, line.indexOf('}')));
      assertThat(i).as("thread %d's lines in order", t).isEqualTo(next.getOrDefault(t, 0));
      next.put(t, i + 1);
    }
    assertThat(handler.dropped()).isZero();
  }

  @Test
  void aFullQueueDropsCountsAndSaysSoWithoutWaiting() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Collected collected = new Collected();
    OutputStream stuck =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            writing.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            collected.write(b, off, len);
          }
        };
    AsyncConsoleHandler handler = new AsyncConsoleHandler(stuck, 100);
    handler.offer("{\"n\":0}\n");
    assertThat(writing.await(10, TimeUnit.SECONDS))
        .as("the writer is stuck on the console")
        .isTrue();

    long start = System.nanoTime();
    for (int n = 1; n <= 150; n++) {
      handler.offer("{\"n\":" + n + "}\n");
    }
    long offeringMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(handler.dropped()).isEqualTo(50);
    assertThat(offeringMillis).as("offers never wait for the console").isLessThan(2_000);

    Metrics metrics = new Metrics();
    HttpMetrics http = new HttpMetrics(metrics);
    http.logLinesDroppedObserved(handler::dropped);
    assertThat(http.prometheus()).contains("cairn_log_lines_dropped_total 50.0");

    release.countDown();
    await(() -> collected.lines().size() == 1 + 100 + 1);
    List<String> lines = collected.lines();
    assertThat(lines.getFirst()).isEqualTo("{\"n\":0}");
    for (int n = 1; n <= 100; n++) {
      assertThat(lines.get(n)).isEqualTo("{\"n\":" + n + "}");
    }
    assertThat(lines.getLast())
        .contains("\"level\":\"WARNING\"")
        .contains("50 log lines dropped: the console could not keep up");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
