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
    String head =
        "{\"ts\":\""
            + Instant.ofEpochMilli(record.getMillis())
            + "\",\"level\":\""
            + record.getLevel().getName()
            + "\",\"logger\":\""
            + quote(record.getLoggerName())
            + "\"";
    StringBuilder line = new StringBuilder(head);
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
