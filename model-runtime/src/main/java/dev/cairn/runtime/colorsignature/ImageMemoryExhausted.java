package dev.cairn.runtime.colorsignature;

/**
 * Decoding an image ran out of heap. The image may be perfectly valid: this is the server's
 * shortfall, never the caller's mistake, so servers answer 503 and never {@code UNSUPPORTED_IMAGE}.
 * (The JDK's PNG reader wraps an {@link OutOfMemoryError} in an {@code IIOException}; {@link
 * ImageDecoder} unwraps it to this.)
 */
public final class ImageMemoryExhausted extends RuntimeException {

  public ImageMemoryExhausted(String name, Throwable cause) {
    super("decoding " + name + " needed more memory than was free", cause);
  }
}
