package dev.cairn.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * One progress bar's line, as {@code oras push} and {@code huggingface-cli upload} draw it: {@code
 * weights.bin 37% [====> ] 70.3 MiB / 190.0 MiB 12.4 MiB/s 0:05 ETA 0:10}. Sizes carry one decimal
 * in binary units (progressbar's own {@code setUnit} divides in whole units: 11 MB read {@code
 * 10/10MiB}); time runs on the renderer's clock from the bar's creation.
 */
final class TransferRenderer implements ProgressBarRenderer {

  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
  private static final int WIDTH = 100;
  private static final int MAX_BAR = 30;

  private final Clock clock;
  private final Instant started;

  TransferRenderer(Clock clock) {
    this.clock = clock;
    this.started = clock.instant();
  }

  @Override
  public String render(ProgressState state, int maxLength) {
    Duration elapsed = Duration.between(started, clock.instant());
    return line(
        state.getTaskName(),
        state.getCurrent(),
        state.getMax(),
        state.getCurrent() - state.getStart(),
        elapsed,
        maxLength > 0 ? maxLength : WIDTH);
  }

  /** {@code sent} bytes of {@code max} ({@code moved} of them since the bar began). */
  static String line(String name, long sent, long max, long moved, Duration elapsed, int width) {
    int percent = max <= 0 ? 100 : (int) Math.min(100, sent * 100 / max);
    double seconds = elapsed.toMillis() / 1000.0;
    double rate = seconds > 0 ? moved / seconds : 0;
    String eta =
        sent >= max ? "" : rate > 0 ? "  ETA " + clock((long) ((max - sent) / rate)) : "  ETA -";
    String figures =
        size(sent)
            + " / "
            + size(max)
            + "  "
            + size((long) rate)
            + "/s  "
            + clock(elapsed.toSeconds())
            + eta;
    String head = String.format(Locale.ROOT, "%s %3d%% ", name, percent);
    int bar = Math.min(MAX_BAR, width - head.length() - figures.length() - 3);
    return bar < 5 ? head + figures : head + bar(percent, bar) + " " + figures;
  }

  /** Bytes with one decimal in binary units: {@code 13 B}, {@code 1.2 KiB}, {@code 10.5 MiB}. */
  static String size(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1023.95 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  private static String bar(int percent, int width) {
    int inner = width - 2;
    int full = inner * percent / 100;
    StringBuilder bar = new StringBuilder(width).append('[');
    bar.append("=".repeat(full));
    if (full < inner) {
      bar.append('>').append(" ".repeat(inner - full - 1));
    }
    return bar.append(']').toString();
  }
}
