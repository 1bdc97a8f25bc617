package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.domain.ApiException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 2: an open that never returns (a FIFO without a writer stands in for a stalled
 * NFS mount, which blocks {@code open} the same way) costs its caller the deadline, and a full pool
 * refuses at once instead of queueing behind stuck threads.
 */
class BlockingFileCallsTest {

  @Test
  void aStuckOpenAnswersUnavailableAtTheDeadlineAndAFullPoolRefusesAtOnce() throws Exception {
    Path fifo = mkfifo();
    BlockingFileCalls calls = new BlockingFileCalls(1, Duration.ofMillis(300));

    long started = System.nanoTime();
    assertThatThrownBy(() -> calls.call("stalled.bin", () -> open(fifo), FileChannel::close))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.code()).isEqualTo("FILE_ROOT_UNAVAILABLE");
              assertThat(e.detail()).contains("did not answer within");
              assertThat(e.headers()).containsKey("Retry-After");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));

    // The one thread still waits in open(): the next call is refused without waiting.
    long refusedAt = System.nanoTime();
    assertThatThrownBy(() -> calls.call("next.bin", () -> "never run", s -> {}))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.detail()).contains("every file-root thread is waiting"));
    assertThat(Duration.ofNanos(System.nanoTime() - refusedAt)).isLessThan(Duration.ofMillis(250));

    // A writer releases the stuck open; the thread comes back and calls run again.
    try (OutputStream writer = Files.newOutputStream(fifo)) {
      writer.flush();
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(calls.call("again.bin", () -> "answered", s -> {}))
                    .isEqualTo("answered"));
  }

  @Test
  void failuresOfTheCallReachTheCaller() {
    BlockingFileCalls calls = new BlockingFileCalls(2, Duration.ofSeconds(5));

    assertThatThrownBy(
            () ->
                calls.call(
                    "gone.bin",
                    () -> {
                      throw new NoSuchFileException("gone.bin");
                    },
                    s -> {}))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(
            () ->
                calls.call(
                    "refused.bin",
                    () -> {
                      throw ApiException.badRequest("refused");
                    },
                    s -> {}))
        .isInstanceOf(ApiException.class)
        .hasMessage("refused");
  }

  private static FileChannel open(Path fifo) throws IOException {
    return FileChannel.open(fifo, StandardOpenOption.READ);
  }

  private static Path mkfifo() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "blocking-calls-" + UUID.randomUUID()));
    Path fifo = dir.resolve("stalled.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    return fifo;
  }
}
