package dev.cairn.runtime.colorsignature;

/**
 * An image the engine will not read: {@code UNSUPPORTED_IMAGE} (not a PNG, JPEG or BMP, or
 * unreadable) or {@code IMAGE_TOO_LARGE} (more than 50 megapixels). Servers answer 400.
 */
public final class ImageRejected extends RuntimeException {

  private final String code;

  public ImageRejected(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
