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
    line.append("{\"ts\":\"").append(timestamp(millis)).append("\",\"level\":\"");
    line.append(level).append("\",\"logger\":\"");
    return quote(line, logger).append('"');
  }

  /** A millisecond and its ISO-8601 text. */
  private record Stamp(long millis, String text) {}

  private static volatile Stamp last = new Stamp(0, Instant.EPOCH.toString());

  /**
   * {@code Instant.ofEpochMilli(millis).toString()}, kept for the millisecond: at 50,000 access
   * lines a second some fifty lines share each one, and formatting it was ~3% of a cached resolve's
   * CPU (issue 27 item 7).
   */
  static String timestamp(long millis) {
    Stamp stamp = last;
    if (stamp.millis() != millis) {
      stamp = new Stamp(millis, Instant.ofEpochMilli(millis).toString());
      last = stamp;
    }
    return stamp.text();
  }

  /** {@code s} as the inside of a JSON string, appended to {@code line}. */
  static StringBuilder quote(StringBuilder line, String s) {
    if (s != null) {
      if (isPlainAscii(s)) {
        line.append(s); // what the encoder would write, without its pass through a buffer
      } else {
        ENCODER.quoteAsString(s, line);
      }
    }
    return line;
  }

  /** Printable ASCII without {@code "} or {@code \}: nothing in it is escaped. */
  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
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
