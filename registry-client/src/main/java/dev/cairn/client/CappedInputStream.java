package dev.cairn.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that fails once more than its cap has been read from it, so nothing oversized is ever
 * buffered: the client's answers and the registry's request bodies alike. (An event stream is
 * bounded per event by its reader instead.)
 */
public final class CappedInputStream extends FilterInputStream {

  /** The read that would have passed the cap. */
  public static final class Exceeded extends IOException {
    Exceeded() {
      super("answer over its cap");
    }
  }

  private final long cap;
  private long read;

  public CappedInputStream(InputStream in, long cap) {
    super(in);
    this.cap = cap;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) throws Exceeded {
    read += n;
    if (read > cap) {
      throw new Exceeded();
    }
  }

  /** Whether {@code e}, or what caused it, is a cap being passed. */
  public static boolean passed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Exceeded) {
        return true;
      }
    }
    return false;
  }
}
