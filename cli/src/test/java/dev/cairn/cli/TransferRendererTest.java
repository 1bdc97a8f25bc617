package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 item 9: a bar's line, drawn by progressbar through {@link TransferRenderer} on a clock
 * the test moves: real elapsed time, throughput and ETA, sizes with one decimal.
 */
class TransferRendererTest {

  private static final long MIB = 1 << 20;

  @Test
  void aBarAt37PercentOf190MegabytesShowsElapsedThroughputAndEta() {
    StepClock clock = new StepClock();
    List<String> lines = new ArrayList<>();
    TransferRenderer renderer = new TransferRenderer(clock);

    try (ProgressBar bar = bar("weights.bin", 190 * MIB, renderer, lines)) {
      clock.advance(Duration.ofSeconds(5));
      bar.stepTo(70 * MIB + 512 * 1024);
      bar.refresh();
      assertThat(lines.getLast())
          .isEqualTo(
              "weights.bin  37% [==========>                 ]"
                  + " 70.5 MiB / 190.0 MiB  14.1 MiB/s  0:05  ETA 0:08");

      clock.advance(Duration.ofSeconds(70));
      bar.stepTo(190 * MIB);
      bar.refresh();
      assertThat(lines.getLast())
          .isEqualTo(
              "weights.bin 100% [============================]"
                  + " 190.0 MiB / 190.0 MiB  2.5 MiB/s  1:15");
    }
  }

  @Test
  void sizesKeepOneDecimalInBinaryUnitsAndBytesStayWhole() {
    assertThat(TransferRenderer.size(0)).isEqualTo("0 B");
    assertThat(TransferRenderer.size(13)).isEqualTo("13 B");
    assertThat(TransferRenderer.size(1023)).isEqualTo("1023 B");
    assertThat(TransferRenderer.size(1024)).isEqualTo("1.0 KiB");
    assertThat(TransferRenderer.size(11_000_000)).isEqualTo("10.5 MiB");
    assertThat(TransferRenderer.size(MIB - 1)).isEqualTo("1.0 MiB");
    assertThat(TransferRenderer.size(3L * 1024 * MIB + 512 * MIB)).isEqualTo("3.5 GiB");
    assertThat(TransferRenderer.clock(3 * 3600 + 7 * 60 + 9)).isEqualTo("3:07:09");
  }

  @Test
  void aBarWithNothingSentYetHasNoEtaAndANarrowTerminalDropsTheBar() {
    assertThat(TransferRenderer.line("a.bin", 0, 13, 0, Duration.ZERO, 100))
        .isEqualTo("a.bin   0% [>                           ] 0 B / 13 B  0 B/s  0:00  ETA -");
    assertThat(TransferRenderer.line("a.bin", 13, 13, 13, Duration.ofMillis(500), 30))
        .isEqualTo("a.bin 100% 13 B / 13 B  26 B/s  0:00");
  }

  private static ProgressBar bar(
      String name, long max, TransferRenderer renderer, List<String> lines) {
    ProgressBarConsumer consumer =
        new ProgressBarConsumer() {
          @Override
          public int getMaxRenderedLength() {
            return 120;
          }

          @Override
          public void accept(String rendered) {
            lines.add(rendered);
          }

          @Override
          public void close() {}
        };
    // An update interval of a minute: the test's refresh() draws every line it reads.
    return new ProgressBar(name, max, 60_000, false, false, 0, Duration.ZERO, renderer, consumer);
  }

  /** A clock that moves only when the test says. */
  private static final class StepClock extends Clock {
    private Instant now = Instant.parse("2026-12-06T22:00:00Z");

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
