package dev.cairn.runtime.colorsignature;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Checks the CRC of every PNG chunk as the bytes stream past, because the JDK's PNG reader ignores
 * them: a PNG whose chunk CRC is wrong is damaged and is refused, not decoded into wrong pixels.
 * Anything that does not start with the PNG signature passes through unchecked.
 */
final class PngCrcCheck extends FilterInputStream {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private enum State {
    SIGNATURE,
    LENGTH,
    TYPE,
    DATA,
    CRC,
    DONE,
    NOT_PNG
  }

  private final CRC32 crc = new CRC32();
  private final byte[] type = new byte[4];
  private State state = State.SIGNATURE;
  private int position;
  private int field;
  private long remaining;
  private String failure;

  PngCrcCheck(InputStream in) {
    super(in);
  }

  /** The chunk whose CRC was wrong, if one was. */
  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Reads the rest of the PNG (up to {@code IEND}) so the CRCs the decoder skipped are checked. */
  void finish() throws IOException {
    byte[] buffer = new byte[8192];
    while (state != State.DONE && state != State.NOT_PNG && read(buffer) >= 0) {
      // read() checks as it goes
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (failure != null) {
      throw new IOException(failure);
    }
    int n = super.read(b, off, len);
    if (n > 0) {
      scan(b, off, off + n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be checked: read them.
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  private void scan(byte[] b, int from, int end) throws IOException {
    int i = from;
    while (i < end) {
      switch (state) {
        case SIGNATURE -> {
          if (b[i++] != SIGNATURE[position++]) {
            state = State.NOT_PNG;
          } else if (position == SIGNATURE.length) {
            next(State.LENGTH);
          }
        }
        case LENGTH -> {
          field = field << 8 | b[i++] & 0xff;
          if (++position == 4) {
            remaining = field & 0xffffffffL;
            crc.reset();
            next(State.TYPE);
          }
        }
        case TYPE -> {
          type[position++] = b[i];
          crc.update(b[i++]);
          if (position == 4) {
            next(remaining == 0 ? State.CRC : State.DATA);
          }
        }
        case DATA -> {
          int k = (int) Math.min(remaining, end - i);
          crc.update(b, i, k);
          i += k;
          remaining -= k;
          if (remaining == 0) {
            next(State.CRC);
          }
        }
        case CRC -> {
          field = field << 8 | b[i++] & 0xff;
          if (++position == 4) {
            checkCrc();
          }
        }
        case DONE, NOT_PNG -> i = end;
      }
    }
  }

  private void checkCrc() throws IOException {
    String name = new String(type, StandardCharsets.ISO_8859_1);
    if (field != (int) crc.getValue()) {
      failure = "chunk " + name + " has a bad CRC";
      throw new IOException(failure);
    }
    next("IEND".equals(name) ? State.DONE : State.LENGTH);
  }

  private void next(State to) {
    state = to;
    position = 0;
    field = 0;
  }
}
