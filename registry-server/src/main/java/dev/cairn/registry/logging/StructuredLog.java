package dev.cairn.registry.logging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JSON object per line for requests and writes (seed 001's telemetry fields). Tokens never
 * reach these lines: only the token's name does, as {@code actor}.
 */
public final class StructuredLog {

  private static final Logger ACCESS = Logger.getLogger("cairn.access");
  private static final Logger WRITES = Logger.getLogger("cairn.write");

  private final ObjectMapper json;

  /** Found once: the logging configuration is read before the server starts. */
  private final AsyncConsoleHandler console;

  public StructuredLog(ObjectMapper json) {
    this.json = json;
    this.console = AsyncConsoleHandler.ofRootLogger().orElse(null);
  }

  /**
   * Log lines the console handler dropped since start because it could not keep up (0 when the
   * console is configured otherwise): read by {@code cairn_log_lines_dropped_total}.
   */
  public long droppedLines() {
    return console == null ? 0 : console.dropped();
  }

  public ObjectNode event(String eventType) {
    return json.createObjectNode().put("event_type", eventType);
  }

  /**
   * The access line of a request. Written with one StringBuilder and queued to the console handler
   * directly: at 50,000 lines a second the Jackson node, its {@code toString}, the JUL record and
   * the formatter's second pass over the line cost the cached resolve 15% of its throughput (issue
   * 27 item 7). The line is the same; when logging is configured otherwise it goes through JUL.
   */
  public void access(
      String requestId, String actor, String method, String route, int status, double latencyMs) {
    if (!ACCESS.isLoggable(Level.INFO)) {
      return;
    }
    if (console == null
        || console.isClosed()
        || ACCESS.getHandlers().length > 0
        || console.getLevel().intValue() > Level.INFO.intValue()) {
      ACCESS.info(
          event("http.request")
              .put("request_id", requestId)
              .put("actor", actor)
              .put("method", method)
              .put("route", route)
              .put("status", status)
              .put("latency_ms", latencyMs)
              .toString());
      return;
    }
    console.offer(
        accessLine(System.currentTimeMillis(), requestId, actor, method, route, status, latencyMs));
  }

  /** The access line as {@link JsonLineFormatter} writes it from the record JUL would get. */
  static String accessLine(
      long millis,
      String requestId,
      String actor,
      String method,
      String route,
      int status,
      double latencyMs) {
    StringBuilder line = new StringBuilder(384); // a resolve's line is ~290 characters
    JsonLineFormatter.head(line, millis, "INFO", ACCESS.getName());
    line.append(",\"event_type\":\"http.request\"");
    string(line.append(",\"request_id\":"), requestId);
    string(line.append(",\"actor\":"), actor);
    string(line.append(",\"method\":"), method);
    string(line.append(",\"route\":"), route);
    line.append(",\"status\":").append(status);
    return line.append(",\"latency_ms\":").append(latencyMs).append("}\n").toString();
  }

  private static void string(StringBuilder line, String value) {
    if (value == null) {
      line.append("null");
    } else {
      JsonLineFormatter.quote(line.append('"'), value).append('"');
    }
  }

  public void write(ObjectNode line) {
    WRITES.info(line.toString());
  }
}
