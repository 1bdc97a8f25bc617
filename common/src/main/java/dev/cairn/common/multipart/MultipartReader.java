package dev.cairn.common.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code multipart/form-data} one part at a time from a stream, each part's content itself a
 * stream that ends at the next boundary: a part of any size passes through a fixed 64 KiB window
 * and is never held whole.
 *
 * <p>Why not Helidon's {@code helidon-http-media-multipart}: its 4.1.7 artifact does not resolve
 * from the repository these builds reach (checked with {@code dependency:get}), so it cannot be
 * adopted here. This reader keeps what the limits need: a fixed window, part headers capped at 8
 * KiB, and no part held whole, for the registry and the sidecar alike.
 */
public final class MultipartReader {

  /** One part: its form name, optional file name, and its content. */
  public record Part(String name, Optional<String> filename, InputStream content) {}

  private static final int WINDOW = 64 * 1024;
  private static final int MAX_HEADER_BYTES = 8 * 1024;
  private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buffer;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean finished;
  private PartStream current;

  public MultipartReader(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buffer = new byte[WINDOW + delimiter.length];
    // The body starts with "--boundary": a virtual CRLF lets one delimiter pattern find it.
    buffer[0] = '\r';
    buffer[1] = '\n';
    limit = 2;
  }

  /** The boundary of a {@code multipart/form-data} content type. */
  public static String boundary(String contentType) {
    Matcher m = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?").matcher(contentType);
    if (!m.find() || m.group(1).length() > 70) {
      throw new MalformedMultipartException(
          "multipart/form-data needs a boundary of 1 to 70 characters");
    }
    return m.group(1);
  }

  /** The next part, after skipping what is left of the previous one; empty after the last. */
  public Optional<Part> next() throws IOException {
    if (finished) {
      return Optional.empty();
    }
    if (current == null) {
      new PartStream().transferTo(OutputStream.nullOutputStream());
    } else {
      current.transferTo(OutputStream.nullOutputStream());
    }
    String after = readBytes(2);
    if (after.equals("--")) {
      finished = true;
      return Optional.empty();
    }
    if (!after.equals("\r\n")) {
      throw malformed("a boundary must be followed by CRLF or --");
    }
    String headers = readHeaders();
    String disposition =
        headers
            .lines()
            .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-disposition:"))
            .findFirst()
            .orElseThrow(() -> malformed("a part has no Content-Disposition"));
    Matcher name = NAME.matcher(disposition);
    if (!name.find()) {
      throw malformed("a part has no name");
    }
    Matcher filename = FILENAME.matcher(disposition);
    current = new PartStream();
    return Optional.of(
        new Part(
            name.group(1),
            filename.find() ? Optional.of(filename.group(1)) : Optional.empty(),
            current));
  }

  private String readHeaders() throws IOException {
    StringBuilder headers = new StringBuilder();
    while (!headers.toString().endsWith("\r\n\r\n")) {
      if (headers.length() > MAX_HEADER_BYTES) {
        throw malformed("part headers are too long");
      }
      if (!ensure(1)) {
        throw malformed("the body ended inside part headers");
      }
      headers.append((char) (buffer[pos++] & 0xff));
    }
    return new String(
        headers.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  private String readBytes(int n) throws IOException {
    if (!ensure(n)) {
      throw malformed("the body ended after a boundary");
    }
    String s = new String(buffer, pos, n, StandardCharsets.ISO_8859_1);
    pos += n;
    return s;
  }

  /** Makes at least {@code n} unread bytes available; false when the body ends first. */
  private boolean ensure(int n) throws IOException {
    while (limit - pos < n && !eof) {
      if (pos > 0) {
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        eof = true;
      } else {
        limit += read;
      }
    }
    return limit - pos >= n;
  }

  private int indexOfDelimiter() {
    outer:
    for (int i = pos; i <= limit - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static MalformedMultipartException malformed(String why) {
    return new MalformedMultipartException("malformed multipart body: " + why);
  }

  /** A part's content: everything up to the next delimiter, which it consumes. */
  private final class PartStream extends InputStream {
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      ensure(delimiter.length);
      int found = indexOfDelimiter();
      if (found == pos) {
        pos += delimiter.length;
        ended = true;
        return -1;
      }
      int available = found >= 0 ? found - pos : limit - pos - (delimiter.length - 1);
      if (available <= 0) {
        if (eof) {
          throw malformed("the body ended inside a part");
        }
        ensure(limit - pos + 1);
        return read(b, off, len);
      }
      int n = Math.min(len, available);
      System.arraycopy(buffer, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
