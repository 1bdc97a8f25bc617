package dev.cairn.registry.artifact;

import java.util.Optional;

/**
 * One byte range of a {@code Range: bytes=…} header (RFC 9110): {@code a-b}, {@code a-} or the
 * suffix {@code -n}. Several ranges in one request are answered with the whole file.
 */
public record ByteRange(long offset, long length) {

  /** Empty for no header or a form this server answers whole; throws for an unsatisfiable one. */
  public static Optional<ByteRange> parse(Optional<String> header, long size) {
    if (header.isEmpty() || !header.get().startsWith("bytes=") || header.get().contains(",")) {
      return Optional.empty();
    }
    String spec = header.get().substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    try {
      String first = spec.substring(0, dash).trim();
      String last = spec.substring(dash + 1).trim();
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last);
        if (suffix <= 0 || size == 0) {
          throw new Unsatisfiable();
        }
        long length = Math.min(suffix, size);
        return Optional.of(new ByteRange(size - length, length));
      }
      long start = Long.parseLong(first);
      long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
      if (start >= size || end < start) {
        throw new Unsatisfiable();
      }
      return Optional.of(new ByteRange(start, end - start + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public String contentRange(long size) {
    return "bytes " + offset + "-" + (offset + length - 1) + "/" + size;
  }

  /** A range outside the file: answered 416. */
  public static final class Unsatisfiable extends RuntimeException {
    Unsatisfiable() {
      super("range not satisfiable", null, false, false);
    }
  }
}
