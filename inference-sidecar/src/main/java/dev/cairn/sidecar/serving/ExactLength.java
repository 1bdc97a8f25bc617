package dev.cairn.sidecar.serving;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A download's sink that counts what passes: a byte past the declared size is refused at once, and
 * {@link #requireComplete()} refuses a body that ended early (a declared size below 0 means
 * unknown).
 */
final class ExactLength extends FilterOutputStream {
  private final long declared;
  private long written;

  ExactLength(OutputStream out, long declared) {
    super(out);
    this.declared = declared;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (declared >= 0 && written + len > declared) {
      throw new IOException("the download runs past the declared " + declared + " bytes");
    }
    out.write(b, off, len);
    written += len;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  void requireComplete() throws IOException {
    if (declared >= 0 && written != declared) {
      throw new IOException(
          "the download ended after " + written + " of the declared " + declared + " bytes");
    }
  }
}
