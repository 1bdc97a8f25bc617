package dev.cairn.sidecar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.runtime.testing.UniformPng;
import dev.cairn.sidecar.testing.Fifos;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file access that blocks in native code (a FIFO's open stands in for a stalled network mount)
 * costs a pool thread until its deadline, answers 503 {@code IMAGE_READ_TIMEOUT}, and leaves the
 * other threads of the pool reading.
 */
class ImageFilesTest {

  @Test
  void anOpenThatBlocksIsAnswered503AtTheDeadlineAndOtherFilesStillRead() throws Exception {
    Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "files");
    Path fifo = Fifos.make(root.resolve("stalled.png"));
    Path print = Files.write(root.resolve("print.png"), UniformPng.rgb(16, 16, 1, 2, 3));
    ImageFiles files = new ImageFiles(List.of(root), Duration.ofMillis(300));
    try {
      for (int i = 0; i < 2; i++) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> files.onPool("stalled.png", () -> Files.newInputStream(fifo)))
            .isInstanceOfSatisfying(
                Problem.class,
                p -> {
                  assertThat(p.status()).isEqualTo(503);
                  assertThat(p.code()).isEqualTo("IMAGE_READ_TIMEOUT");
                  assertThat(p.retryAfterSeconds()).isPositive();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
      }
      try (DecodeBudget.Account account = new DecodeBudget(1 << 20, Duration.ZERO).account()) {
        List<byte[]> read = files.read(print.toString(), account);
        assertThat(read.stream().mapToInt(b -> b.length).sum()).isEqualTo(Files.size(print));
      }
    } finally {
      // Two writers free the two threads still blocked in open().
      for (int i = 0; i < 2; i++) {
        try (OutputStream writer = Files.newOutputStream(fifo)) {
          writer.flush();
        }
      }
    }
  }

  @Test
  void aBudgetReservationBeyondWhatIsFreeWaitsThenAnswersBusy() {
    DecodeBudget budget = new DecodeBudget(100 * 1024, Duration.ofMillis(200));
    try (DecodeBudget.Account first = budget.account();
        DecodeBudget.Account second = budget.account()) {
      first.reserve(80 * 1024, "a.png");
      assertThatThrownBy(() -> second.reserve(40 * 1024, "b.png"))
          .isInstanceOfSatisfying(
              Problem.class,
              p -> {
                assertThat(p.code()).isEqualTo("BUSY");
                assertThat(p.retryAfterSeconds()).isEqualTo(DecodeBudget.RETRY_AFTER_SECONDS);
              });
      assertThatThrownBy(() -> second.reserve(101 * 1024, "c.png"))
          .isInstanceOfSatisfying(
              Problem.class,
              p -> {
                assertThat(p.status()).isEqualTo(413);
                assertThat(p.getMessage()).contains("CAIRN_MAX_DECODING_BYTES");
              });
      first.close();
      second.reserve(40 * 1024, "b.png");
    }
  }
}
