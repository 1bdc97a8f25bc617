package dev.cairn.sidecar.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures the INFO-and-above lines of a few loggers while open, as a user's log would show. */
public final class LogLines implements AutoCloseable {

  private final List<Logger> loggers;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.INFO.intValue()) {
            lines.add(record.getLevel() + " " + record.getMessage());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogLines(List<Logger> loggers) {
    this.loggers = loggers;
    loggers.forEach(l -> l.addHandler(handler));
  }

  /** Starts capturing the loggers of {@code classes}. */
  public static LogLines of(Class<?>... classes) {
    return named(Arrays.stream(classes).map(Class::getName).toArray(String[]::new));
  }

  /** Starts capturing the loggers named so, with their children (a package's name, say). */
  public static LogLines named(String... names) {
    return new LogLines(Arrays.stream(names).map(Logger::getLogger).toList());
  }

  /** Every line so far, each {@code LEVEL message}. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    loggers.forEach(l -> l.removeHandler(handler));
  }
}
