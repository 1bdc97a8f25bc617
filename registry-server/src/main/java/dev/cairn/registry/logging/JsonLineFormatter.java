package dev.cairn.registry.logging;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats every log record as one JSON line: structured lines pass through with a timestamp and
 * level added; plain messages are wrapped. Stack traces are kept in the log (never in a response).
 */
public final class JsonLineFormatter extends Formatter {

  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  @Override
  public String format(LogRecord record) {
    String message = formatMessage(record);
    StringBuilder line = new StringBuilder(128 + message.length());
    head(line, record.getMillis(), record.getLevel().getName(), record.getLoggerName());
    if (message.startsWith("{") && message.endsWith("}")) {
      line.append(',').append(message, 1, message.length() - 1);
    } else {
      line.append(",\"message\":\"").append(quote(message)).append('"');
    }
    if (record.getThrown() != null) {
      line.append(",\"error\":\"").append(quote(trace(record.getThrown()))).append('"');
    }
    return line.append("}\n").toString();
  }

  /** The opening of every line: {@code {"ts":…,"level":…,"logger":…} without the closing brace. */
  static StringBuilder head(StringBuilder line, long millis, String level, String logger) {
    line.append("{\"ts\":\"").append(Instant.ofEpochMilli(millis)).append("\",\"level\":\"");
    line.append(level).append("\",\"logger\":\"");
    return quote(line, logger).append('"');
  }

  /** {@code s} as the inside of a JSON string, appended to {@code line}. */
  static StringBuilder quote(StringBuilder line, String s) {
    if (s != null) {
      ENCODER.quoteAsString(s, line);
    }
    return line;
  }

  private static String trace(Throwable thrown) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      out.append(t == thrown ? "" : "Caused by: ").append(t).append('\n');
      for (StackTraceElement frame : t.getStackTrace()) {
        out.append("\tat ").append(frame).append('\n');
      }
    }
    return out.toString();
  }

  private static String quote(String s) {
    return s == null ? "" : new String(ENCODER.quoteAsString(s));
  }
}
