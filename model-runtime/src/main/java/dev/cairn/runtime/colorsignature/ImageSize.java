package dev.cairn.runtime.colorsignature;

/**
 * What an image's header says decoding it will cost: its dimensions and the bytes each pixel takes
 * once decoded (3 for 8-bit RGB, 6 for 16-bit RGB, 8 when the decoder cannot tell).
 */
public record ImageSize(int width, int height, int bytesPerPixel) {

  public long pixels() {
    return (long) width * height;
  }

  /** The bytes of heap the decoded pixels take. */
  public long bytes() {
    return pixels() * bytesPerPixel;
  }
}
