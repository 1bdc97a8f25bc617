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
 * the header before any pixel is decoded, so an oversized image costs no memory.
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
    try (ImageInputStream input = ImageIO.createImageInputStream(in)) {
      ImageReader reader = input == null ? null : readerFor(input);
      if (reader == null) {
        throw unsupported(name);
      }
      try {
        reader.setInput(input, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new ImageRejected(
              "IMAGE_TOO_LARGE",
              name + " has " + pixels + " pixels; the limit is " + MAX_PIXELS + " (50 megapixels)");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageRejected rejected) {
        throw rejected;
      }
      throw unsupported(name);
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

  private static ImageRejected unsupported(String name) {
    return new ImageRejected(
        "UNSUPPORTED_IMAGE", name + " is not a readable PNG, JPEG or BMP image");
  }
}
