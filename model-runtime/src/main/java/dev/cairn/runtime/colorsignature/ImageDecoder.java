package dev.cairn.runtime.colorsignature;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG (8 and 16 bit), JPEG and BMP through {@code javax.imageio}; the size is checked from
 * the header before any pixel is decoded, so an oversized image costs no memory. PNG chunk CRCs are
 * checked (the JDK's reader skips them).
 */
public final class ImageDecoder {

  public static final long MAX_PIXELS = 50_000_000L;
  private static final Set<String> FORMATS = Set.of("png", "jpeg", "bmp");

  static {
    // Decode in memory: the disk cache only adds temp files and I/O for streams we read once.
    ImageIO.setUseCache(false);
  }

  private ImageDecoder() {}

  /** Decodes one image; {@code name} only labels the error. */
  public static BufferedImage decode(InputStream in, String name) {
    try (PendingImage image = open(in, name)) {
      return image.decode();
    }
  }

  /**
   * Reads the header of one image, refusing what is not a PNG, JPEG or BMP and what has more than
   * {@link #MAX_PIXELS} pixels; the pixels are decoded later by {@link PendingImage#decode()}.
   */
  public static PendingImage open(InputStream in, String name) {
    PngCrcCheck check = new PngCrcCheck(in);
    ImageInputStream input = null;
    ImageReader reader = null;
    try {
      input = ImageIO.createImageInputStream(check);
      reader = input == null ? null : readerFor(input);
      if (reader == null) {
        throw unreadable(name, check);
      }
      reader.setInput(input, true, true);
      PendingImage image = new PendingImage(name, input, reader, check);
      if (image.size().pixels() > MAX_PIXELS) {
        image.close();
        throw new ImageRejected(
            "IMAGE_TOO_LARGE",
            name
                + " has "
                + image.size().pixels()
                + " pixels; the limit is "
                + MAX_PIXELS
                + " (50 megapixels)");
      }
      return image;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageRejected rejected) {
        throw rejected;
      }
      release(input, reader);
      throw unreadable(name, check);
    }
  }

  static boolean causedByOutOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** {@code UNSUPPORTED_IMAGE}, naming the bad CRC when that is why. */
  static ImageRejected unreadable(String name, PngCrcCheck check) {
    return new ImageRejected(
        "UNSUPPORTED_IMAGE",
        check
            .failure()
            .map(crc -> name + " is a damaged PNG: " + crc)
            .orElse(name + " is not a readable PNG, JPEG or BMP image"));
  }

  private static void release(ImageInputStream input, ImageReader reader) {
    if (reader != null) {
      reader.dispose();
    }
    try {
      if (input != null) {
        input.close();
      }
    } catch (IOException e) {
      // Already failing; the first error is the one reported.
    }
  }

  private static ImageReader readerFor(ImageInputStream input) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      try {
        if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
          return reader;
        }
      } catch (IOException e) {
        reader.dispose();
      }
    }
    return null;
  }
}
