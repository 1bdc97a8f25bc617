package dev.cairn.registry.http.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.http.ProblemWriter;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Answers what Helidon 4.1 drops without a word, or silently repairs, on a connection's first
 * request (spec 40-security, Hardening): HTTP/1.0 gets 400 without {@code Host} and 505 with it
 * (this server speaks HTTP/1.1); a request line longer than {@value #MAX_REQUEST_LINE} bytes gets
 * 414; a method not in upper case gets 400 (Helidon would upper-case it; later requests on a
 * kept-alive connection are checked by Helidon's own 414 and not for case). Problem+json, and the
 * connection closed.
 */
public final class FirstRequestRefusal implements ServerConnectionSelector {

  /** Helidon's default {@code max-prologue-length}. */
  static final int MAX_REQUEST_LINE = 4096;

  private static final String HTTP_1_0 = " HTTP/1.0\r";
  private static final int MAX_HEADER_LINES = 100;

  private record Refusal(int status, String reason, String code, String detail) {}

  private final ObjectMapper json;

  public FirstRequestRefusal(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public int bytesToIdentifyConnection() {
    return 0;
  }

  @Override
  public Support supports(BufferData data) {
    int lf = data.indexOf((byte) '\n');
    if (lf == -1) {
      return data.available() > MAX_REQUEST_LINE ? Support.SUPPORTED : Support.UNKNOWN;
    }
    String line = data.readString(lf);
    return line.endsWith(HTTP_1_0) || lowerCaseMethod(line)
        ? Support.SUPPORTED
        : Support.UNSUPPORTED;
  }

  @Override
  public Set<String> supportedApplicationProtocols() {
    return Set.of();
  }

  @Override
  public ServerConnection connection(ConnectionContext ctx) {
    return new ServerConnection() {
      @Override
      public void handle(Limit limit) {
        answer(ctx, refusal(ctx.dataReader()));
      }

      @Override
      public Duration idleTime() {
        return Duration.ZERO;
      }

      @Override
      public void close(boolean interrupt) {
        // One answer, then the connection ends by itself.
      }
    };
  }

  private static Refusal refusal(DataReader reader) {
    int lf;
    try {
      lf = reader.findNewLine(MAX_REQUEST_LINE);
    } catch (RuntimeException e) {
      lf = MAX_REQUEST_LINE;
    }
    if (lf >= MAX_REQUEST_LINE) {
      return new Refusal(
          414, "URI Too Long", "URI_TOO_LONG", "HTTP framing: the request line is over 4 KiB");
    }
    String line = reader.readAsciiString(lf);
    reader.skip(2);
    if (lowerCaseMethod(line)) {
      return new Refusal(
          400,
          "Bad Request",
          "BAD_REQUEST",
          "HTTP framing: methods are upper-case tokens (they are case-sensitive)");
    }
    return hasHost(reader)
        ? new Refusal(
            505,
            "HTTP Version Not Supported",
            "HTTP_VERSION_NOT_SUPPORTED",
            "HTTP framing: this server speaks HTTP/1.1")
        : new Refusal(400, "Bad Request", "BAD_REQUEST", "HTTP framing: a Host header is required");
  }

  private void answer(ConnectionContext ctx, Refusal refusal) {
    byte[] body =
        ProblemWriter.document(json, refusal.status(), refusal.code(), refusal.detail())
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + refusal.status()
            + " "
            + refusal.reason()
            + "\r\nContent-Type: "
            + ProblemWriter.PROBLEM_JSON
            + "\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    BufferData response = BufferData.growing(head.length() + body.length);
    response.write(head.getBytes(StandardCharsets.US_ASCII));
    response.write(body);
    ctx.dataWriter().writeNow(response);
  }

  private static boolean lowerCaseMethod(String requestLine) {
    int space = requestLine.indexOf(' ');
    String method = space < 0 ? requestLine : requestLine.substring(0, space);
    return !method.equals(method.toUpperCase(Locale.ROOT));
  }

  /** Reads the headers (bounded) and tells whether one of them is Host. */
  private static boolean hasHost(DataReader reader) {
    try {
      for (int i = 0; i < MAX_HEADER_LINES; i++) {
        String line = reader.readLine();
        if (line.isEmpty()) {
          return false;
        }
        if (line.toLowerCase(Locale.ROOT).startsWith("host:")) {
          return true;
        }
      }
    } catch (RuntimeException e) {
      // Truncated or malformed: answered as missing.
    }
    return false;
  }
}
