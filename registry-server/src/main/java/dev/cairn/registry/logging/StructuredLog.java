package dev.cairn.registry.logging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JSON object per line for requests and writes (seed 001's telemetry fields). Tokens never
 * reach these lines: only the token's name does, as {@code actor}.
 */
public final class StructuredLog {

  private static final Logger ACCESS = Logger.getLogger("cairn.access");
  private static final Logger WRITES = Logger.getLogger("cairn.write");

  /** What follows the timestamp on every access line up to the request id's value. */
  private static final String ACCESS_HEAD =
      "\",\"level\":\"INFO\",\"logger\":\"cairn.access\""
          + ",\"event_type\":\"http.request\",\"request_id\":\"";

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
   *
   * <p>{@code requestId}, {@code method} and {@code route} are tokens the server made or checked
   * (see {@link #accessLine}); {@code actor} may be anything and is escaped.
   */
  public void access(
      String requestId, String actor, String method, String route, int status, long latencyNanos) {
    if (!ACCESS.isLoggable(Level.INFO)) {
      return;
    }
    long micros = latencyNanos / 1_000;
    if (console == null
        || console.isClosed()
        || ACCESS.getHandlers().length > 0
        || console.getLevel().intValue() > Level.INFO.intValue()) {
      ACCESS.info(accessEvent(requestId, actor, method, route, status, micros).toString());
      return;
    }
    console.offer(
        accessLine(System.currentTimeMillis(), requestId, actor, method, route, status, micros));
  }

  /** The access line's fields as a Jackson node, for the JUL path. */
  ObjectNode accessEvent(
      String requestId, String actor, String method, String route, int status, long micros) {
    ObjectNode line =
        event("http.request")
            .put("request_id", requestId)
            .put("actor", actor)
            .put("method", method)
            .put("route", route)
            .put("status", status);
    return line.putRawValue(
        "latency_ms", new RawValue(milliseconds(new StringBuilder(), micros).toString()));
  }

  /**
   * The access line as {@link JsonLineFormatter} writes it from the record JUL would get.
   *
   * <p>The request id, method and route are appended unescaped: the id is a sane token or a UUID
   * ({@code RequestIds}), the method passed {@code StrictFraming}'s upper-case token check before
   * any filter ran, and the route is a template of the routing table or {@code unmatched}. Scanning
   * them for characters to escape was a third of the line's cost (issue 27 item 7).
   */
  static String accessLine(
      long millis,
      String requestId,
      String actor,
      String method,
      String route,
      int status,
      long micros) {
    StringBuilder line = new StringBuilder(384); // a resolve's line is ~290 characters
    line.append("{\"ts\":\"").append(JsonLineFormatter.timestamp(millis)).append(ACCESS_HEAD);
    line.append(requestId).append("\",\"actor\":");
    if (actor == null) {
      line.append("null");
    } else {
      JsonLineFormatter.quote(line.append('"'), actor).append('"');
    }
    line.append(",\"method\":\"").append(method).append("\",\"route\":\"").append(route);
    line.append("\",\"status\":").append(status).append(",\"latency_ms\":");
    return milliseconds(line, micros).append("}\n").toString();
  }

  /**
   * {@code micros} as milliseconds with three decimals ({@code 0.177}, {@code 614.888}): integer
   * digits only, where a double's shortest decimal was a sixth of the line's cost.
   */
  static StringBuilder milliseconds(StringBuilder line, long micros) {
    long fraction = micros % 1_000;
    line.append(micros / 1_000).append('.');
    if (fraction < 100) {
      line.append(fraction < 10 ? "00" : "0");
    }
    return line.append(fraction);
  }

  public void write(ObjectNode line) {
    WRITES.info(line.toString());
  }
}
