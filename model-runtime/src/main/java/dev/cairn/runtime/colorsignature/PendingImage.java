package dev.cairn.runtime.colorsignature;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * An image whose header has been read and whose pixels have not: {@link #size()} says what decoding
 * will cost, so a caller can reserve that memory before {@link #decode()} spends it. Obtained from
 * {@link ImageDecoder#open}; closing it releases the reader.
 */
public final class PendingImage implements AutoCloseable {

  /** Bytes a pixel is counted as when the reader cannot say: the widest layout (16-bit RGBA). */
  private static final int UNKNOWN_BYTES_PER_PIXEL = 8;

  private final String name;
  private final ImageInputStream input;
  private final ImageReader reader;
  private final PngCrcCheck check;
  private final ImageSize size;

  PendingImage(String name, ImageInputStream input, ImageReader reader, PngCrcCheck check)
      throws IOException {
    this.name = name;
    this.input = input;
    this.reader = reader;
    this.check = check;
    this.size = new ImageSize(reader.getWidth(0), reader.getHeight(0), bytesPerPixel(reader));
  }

  public String name() {
    return name;
  }

  public ImageSize size() {
    return size;
  }

  /**
   * Decodes the pixels: {@link ImageRejected} ({@code UNSUPPORTED_IMAGE}) when they are damaged or
   * a PNG chunk's CRC is wrong, {@link ImageMemoryExhausted} when the heap ran short.
   */
  public BufferedImage decode() {
    try {
      BufferedImage image = reader.read(0);
      check.finish();
      return image;
    } catch (OutOfMemoryError e) {
      throw new ImageMemoryExhausted(name, e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageRejected rejected) {
        throw rejected;
      }
      if (ImageDecoder.causedByOutOfMemory(e)) {
        throw new ImageMemoryExhausted(name, e);
      }
      // Damaged pixels usually fail before their chunk's CRC is read: read on to name the CRC.
      try {
        check.finish();
      } catch (IOException damaged) {
        // The CRC failure, if that is what it was, is in check.failure().
      }
      throw ImageDecoder.unreadable(name, check);
    }
  }

  @Override
  public void close() {
    reader.dispose();
    try {
      input.close();
    } catch (IOException e) {
      // Nothing is left to read from it; the reader is already released.
    }
  }

  private static int bytesPerPixel(ImageReader reader) throws IOException {
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    if (types == null || !types.hasNext()) {
      return UNKNOWN_BYTES_PER_PIXEL;
    }
    // read(0) decodes into the first type the reader offers.
    SampleModel model = types.next().getSampleModel();
    int bits = model.getNumDataElements() * DataBuffer.getDataTypeSize(model.getDataType());
    return Math.max(1, (bits + 7) / 8);
  }
}
