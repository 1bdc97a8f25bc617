package dev.cairn.client.sse;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The one reader of {@code text/event-stream} (the WHATWG Server-Sent Events framing) in Cairn:
 * lines end in LF, CR or CRLF; {@code data} lines join with LF; a blank line dispatches the event;
 * lines starting with a colon are comments (the registry's heartbeats). Reads byte by byte from its
 * own buffer, so an event is handed over as soon as its blank line arrives.
 *
 * <p>One event, its lines up to the blank line, may not pass {@code limit} bytes: a line without
 * end from a lying server fails with {@link TooLarge} instead of filling the heap.
 *
 * <p>Unlike a browser, the id of an event is the one its own lines carry (empty when none): every
 * event of the registry carries one, and the caller keeps the resume point.
 */
public final class EventStreamReader implements AutoCloseable {

  /** What the stream yields: an event or a comment. */
  public sealed interface Frame permits Event, Comment {}

  /** A dispatched event; {@code type} is {@code message} when the stream named none. */
  public record Event(Optional<String> id, String type, String data) implements Frame {}

  /** A comment line, without its colon and the one space after it. */
  public record Comment(String text) implements Frame {}

  /** An event, or a line, longer than the reader's limit. */
  public static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("event stream: an event passed " + limit + " bytes");
    }
  }

  private final InputStream in;
  private final long limit;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private Optional<String> id = Optional.empty();
  private String type = "";
  private Optional<Duration> retry = Optional.empty();
  private long eventBytes;
  private boolean afterCr;
  private boolean firstLine = true;

  public EventStreamReader(InputStream in, long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.in = new BufferedInputStream(in);
    this.limit = limit;
  }

  /** The next event or comment; empty at the end of the stream (an unfinished event is dropped). */
  public Optional<Frame> next() throws IOException {
    String text;
    while ((text = readLine()) != null) {
      Optional<Frame> frame = take(text);
      if (frame.isPresent()) {
        return frame;
      }
    }
    return Optional.empty();
  }

  /** The reconnection delay the stream last asked for in a {@code retry} field. */
  public Optional<Duration> retry() {
    return retry;
  }

  private Optional<Frame> take(String text) {
    if (text.isEmpty()) {
      return dispatch();
    }
    if (text.charAt(0) == ':') {
      return Optional.of(new Comment(value(text, 1)));
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : value(text, colon + 1);
    switch (field) {
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "event" -> type = value;
      case "id" -> {
        // A NUL in an id is ignored, as browsers do: it could not be sent back in a header.
        if (value.indexOf('\0') < 0) {
          id = Optional.of(value);
        }
      }
      case "retry" -> {
        if (!value.isEmpty()
            && value.length() <= 18
            && value.chars().allMatch(Character::isDigit)) {
          retry = Optional.of(Duration.ofMillis(Long.parseLong(value)));
        }
      }
      default -> {
        // Unknown fields are ignored, so the registry may add some.
      }
    }
    return Optional.empty();
  }

  private Optional<Frame> dispatch() {
    eventBytes = 0;
    Optional<Frame> event =
        hasData
            ? Optional.of(new Event(id, type.isEmpty() ? "message" : type, data.toString()))
            : Optional.empty();
    data.setLength(0);
    hasData = false;
    id = Optional.empty();
    type = "";
    return event;
  }

  /** The value after a colon, without the one space the framing allows there. */
  private static String value(String text, int from) {
    return text.startsWith(" ", from) ? text.substring(from + 1) : text.substring(from);
  }

  /** One line without its end; null at the end of the stream. */
  private String readLine() throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) >= 0) {
      if (++eventBytes > limit) {
        throw new TooLarge(limit);
      }
      boolean skipLf = afterCr && b == '\n';
      afterCr = b == '\r';
      if (skipLf) {
        continue;
      }
      if (b == '\n' || b == '\r') {
        return decoded();
      }
      line.write(b);
    }
    return null;
  }

  private String decoded() {
    String text = line.toString(StandardCharsets.UTF_8);
    if (firstLine) {
      firstLine = false;
      // A byte-order mark may open the stream; it is not part of the first field.
      if (text.startsWith("\uFEFF")) {
        return text.substring(1);
      }
    }
    return text;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
