package dev.cairn.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * The progress bars of {@code version push}: one per file and, for several files, one in total. On
 * a terminal they are drawn in place, each on its own line (progressbar's interactive consumer);
 * elsewhere (with {@code --progress}) they are written as plain lines. {@link TransferRenderer}
 * draws each line.
 */
class PushProgress implements AutoCloseable {

  /** The bar of one file; {@link #stepTo} takes the bytes sent so far. */
  interface FileBar extends AutoCloseable {
    void stepTo(long sent);

    @Override
    void close();
  }

  static PushProgress none() {
    return new PushProgress();
  }

  static PushProgress bars(PrintStream err, boolean interactive) {
    return new Bars(err, interactive);
  }

  /** Before the uploads: what all of them will send. */
  void start(long totalBytes, int files) {}

  FileBar file(String path, long size) {
    return new FileBar() {
      @Override
      public void stepTo(long sent) {}

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}

  private static final class Bars extends PushProgress {
    private final PrintStream err;
    private final boolean interactive;
    private final AtomicLong sent = new AtomicLong();
    private ProgressBar total;

    Bars(PrintStream err, boolean interactive) {
      this.err = err;
      this.interactive = interactive;
    }

    @Override
    void start(long totalBytes, int files) {
      if (files > 1) {
        total = bar("total (" + files + " files)", totalBytes);
      }
    }

    @Override
    FileBar file(String path, long size) {
      ProgressBar bar = bar(path, size);
      return new FileBar() {
        private long last;

        @Override
        public void stepTo(long now) {
          bar.stepTo(now);
          if (total != null) {
            total.stepTo(sent.addAndGet(now - last));
          }
          last = now;
        }

        @Override
        public void close() {
          bar.close();
        }
      };
    }

    @Override
    public void close() {
      if (total != null) {
        total.close();
      }
    }

    private ProgressBar bar(String name, long max) {
      ProgressBarConsumer consumer =
          interactive
              ? new InteractiveConsoleProgressBarConsumer(err)
              : new ConsoleProgressBarConsumer(err);
      return new ProgressBarBuilder()
          .setTaskName(TerminalText.safe(name))
          .setInitialMax(max)
          .setRenderer(new TransferRenderer(Clock.systemUTC()))
          .setConsumer(consumer)
          .build();
    }
  }
}
