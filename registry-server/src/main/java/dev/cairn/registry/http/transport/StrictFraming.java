package dev.cairn.registry.http.transport;

import dev.cairn.registry.domain.Text;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Strict HTTP/1.1 framing (spec 40-security, Hardening), checked on the request line and headers as
 * Helidon reads them, before anything is routed: an answer here is 400 (413 for an announced body
 * over the limit) and closes the connection, so no second request can be smuggled behind one whose
 * length two parsers could read differently.
 *
 * <p>Refused: {@code Transfer-Encoding} other than exactly {@code chunked}; both {@code
 * Transfer-Encoding} and {@code Content-Length}; duplicate, listed or non-numeric {@code
 * Content-Length}; HTTP/1.0 without {@code Host}; methods not in upper case; paths with empty,
 * {@code .} or {@code ..} segments or encoded control characters (never silently normalised).
 */
public final class StrictFraming implements Http1ConnectionListener {

  private static final Pattern LENGTH = Pattern.compile("[0-9]{1,18}");

  /** Whether the request being read on this connection's thread said HTTP/1.0. */
  private static final ThreadLocal<Boolean> HTTP_1_0 = ThreadLocal.withInitial(() -> false);

  private static final String PREFIX = "HTTP framing: ";

  private final long maxBodyBytes;

  /** {@code maxBodyBytes}: the largest body any route takes, for {@code Expect: 100-continue}. */
  public StrictFraming(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
    HTTP_1_0.set("1.0".equals(prologue.protocolVersion()));
    if (!isUpperCaseToken(prologue.method().text())) {
      throw refuse("methods are upper-case tokens (RFC 9110: they are case-sensitive)");
    }
    String raw = prologue.uriPath().rawPath();
    if (!isNormalForm(raw)) {
      throw refuse("the path has an empty, '.' or '..' segment; send it in normal form");
    }
    // Helidon's own path validation (off: RegistryWebServer) parses every path as a
    // java.net.URI, 3% of a cached resolve's CPU; a path of letters, digits, '-', '_', '~' and
    // '/' is a valid one and is its own decoding, so only other paths are parsed, here.
    String path = raw;
    if (!isSimple(raw)) {
      try {
        URI.create(raw);
      } catch (IllegalArgumentException e) {
        throw refuse("the path is not a valid URI path (RFC 3986)");
      }
      path = prologue.uriPath().path();
    }
    if (path.codePoints().anyMatch(Text::isControl)) {
      throw refuse("the path contains a control or bidirectional-override character");
    }
  }

  /** {@code [A-Z]{1,16}}, checked without a regex on every request. */
  static boolean isUpperCaseToken(String method) {
    int length = method.length();
    if (length < 1 || length > 16) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = method.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** Only letters, digits, {@code -}, {@code _}, {@code ~} and {@code /}: nothing to decode. */
  static boolean isSimple(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      boolean simple =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '~'
              || c == '/';
      if (!simple) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code raw} starts with {@code /} and has no {@code .} or {@code ..} segment and no
   * empty one except a trailing slash's; one pass instead of a split on every request.
   */
  static boolean isNormalForm(String raw) {
    if (!raw.startsWith("/")) {
      return false;
    }
    int start = 1;
    while (true) {
      int end = raw.indexOf('/', start);
      int stop = end < 0 ? raw.length() : end;
      int length = stop - start;
      if (length == 0 && end >= 0) {
        return false; // an empty segment before another slash ('//')
      }
      if ((length == 1 || length == 2) && raw.startsWith(length == 1 ? "." : "..", start)) {
        return false;
      }
      if (end < 0) {
        return true;
      }
      start = end + 1;
    }
  }

  @Override
  public void headers(ConnectionContext ctx, Headers headers) {
    boolean http10 = HTTP_1_0.get();
    HTTP_1_0.remove();
    List<String> encodings = values(headers, HeaderNames.TRANSFER_ENCODING);
    List<String> lengths = values(headers, HeaderNames.CONTENT_LENGTH);
    if (!encodings.isEmpty()) {
      if (encodings.size() != 1 || !encodings.getFirst().equalsIgnoreCase("chunked")) {
        throw refuse("Transfer-Encoding must be exactly 'chunked'");
      }
      if (!lengths.isEmpty()) {
        throw refuse("a request may not carry both Transfer-Encoding and Content-Length");
      }
    }
    if (lengths.size() > 1) {
      throw refuse("Content-Length must appear once");
    }
    if (lengths.size() == 1 && !LENGTH.matcher(lengths.getFirst()).matches()) {
      throw refuse("Content-Length must be a non-negative whole number");
    }
    if (http10 && !headers.contains(HeaderNames.HOST)) {
      throw refuse("a Host header is required");
    }
    boolean expectsContinue =
        headers
            .first(HeaderNames.EXPECT)
            .map(e -> e.equalsIgnoreCase("100-continue"))
            .orElse(false);
    if (expectsContinue
        && lengths.size() == 1
        && Long.parseLong(lengths.getFirst()) > maxBodyBytes) {
      throw RequestException.builder()
          .type(EventType.BAD_REQUEST)
          .status(Status.REQUEST_ENTITY_TOO_LARGE_413)
          .message(PREFIX + "the announced body is over the limit")
          .setKeepAlive(false)
          .build();
    }
  }

  /** Every value of {@code name}, comma-separated lists split, each trimmed. */
  private static List<String> values(Headers headers, HeaderName header) {
    if (!headers.contains(header)) {
      return List.of();
    }
    return headers.get(header).allValues().stream()
        .flatMap(v -> Arrays.stream(v.split(",", -1)))
        .map(String::trim)
        .toList();
  }

  /** Whether {@code message} is one of this class's own (safe to show: it quotes no input). */
  static boolean explains(String message) {
    return message != null && message.startsWith(PREFIX);
  }

  private static RequestException refuse(String reason) {
    String message = PREFIX + reason;
    return RequestException.builder()
        .type(EventType.BAD_REQUEST)
        .status(Status.BAD_REQUEST_400)
        .message(message)
        .setKeepAlive(false)
        .build();
  }
}
