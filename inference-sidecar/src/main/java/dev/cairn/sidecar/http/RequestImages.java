package dev.cairn.sidecar.http;

import dev.cairn.runtime.colorsignature.ImageDecoder;
import dev.cairn.runtime.colorsignature.ImageMemoryExhausted;
import dev.cairn.runtime.colorsignature.ImageRejected;
import dev.cairn.runtime.colorsignature.ImageSize;
import dev.cairn.runtime.colorsignature.PendingImage;
import dev.cairn.sidecar.config.ImageLimits;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The images of one {@code /inspect} request: held encoded within the request's limits ({@code
 * CAIRN_MAX_IMAGES_PER_REQUEST}, {@code CAIRN_MAX_REQUEST_PIXELS}, both checked from the headers
 * before any pixel is decoded: 413 naming the limit) and the process's {@link DecodeBudget}, then
 * decoded one at a time, each dropped before the next is decoded. Closing gives the memory back.
 */
final class RequestImages implements AutoCloseable {

  private final ImageLimits limits;
  private final ImageFiles files;
  private final DecodeBudget.Account account;
  private final List<HeldImage> held = new ArrayList<>();
  private long pixels;

  RequestImages(ImageLimits limits, ImageFiles files, DecodeBudget budget) {
    this.limits = limits;
    this.files = files;
    this.account = budget.account();
  }

  /** Refuses a request announcing more images than the limit before any is read. */
  void expect(int count) {
    if (count > limits.maxImagesPerRequest()) {
      throw new Problem(
          413,
          "TOO_MANY_IMAGES",
          "a request inspects at most "
              + limits.maxImagesPerRequest()
              + " images (CAIRN_MAX_IMAGES_PER_REQUEST)");
    }
  }

  void addFile(String path) {
    add(path, files.read(path, account));
  }

  void addUpload(InputStream in, String name) throws IOException {
    expect(held.size() + 1);
    add(name, HeldImage.read(in, account, name));
  }

  List<HeldImage> held() {
    return held;
  }

  /**
   * Decodes each image in turn under the budget and hands it to {@code use}; only one decoded image
   * of the request is in memory at a time.
   */
  <T> List<T> each(BiFunction<String, BufferedImage, T> use) {
    List<T> results = new ArrayList<>();
    for (HeldImage image : held) {
      try (PendingImage pending = ImageDecoder.open(image.open(), image.name())) {
        long bytes = pending.size().bytes();
        account.reserve(bytes, image.name());
        try {
          results.add(use.apply(image.name(), pending.decode()));
        } finally {
          account.release(bytes);
        }
      } catch (ImageRejected e) {
        throw Problem.badRequest(e.code(), e.getMessage());
      } catch (ImageMemoryExhausted | OutOfMemoryError e) {
        // A valid image the heap could not hold right now: the sidecar's shortfall, not the
        // caller's.
        throw Problem.unavailable(
            "BUSY",
            "not enough memory to inspect " + image.name() + " now",
            DecodeBudget.RETRY_AFTER_SECONDS);
      }
    }
    return results;
  }

  private void add(String name, List<byte[]> chunks) {
    ImageSize size;
    try (PendingImage pending = ImageDecoder.open(HeldImage.open(chunks), name)) {
      size = pending.size();
    } catch (ImageRejected e) {
      throw Problem.badRequest(e.code(), e.getMessage());
    }
    pixels += size.pixels();
    if (pixels > limits.maxRequestPixels()) {
      throw new Problem(
          413,
          "TOO_MANY_PIXELS",
          "the images of a request have at most "
              + limits.maxRequestPixels()
              + " pixels together (CAIRN_MAX_REQUEST_PIXELS); with "
              + name
              + " they have "
              + pixels);
    }
    held.add(new HeldImage(name, chunks, size));
  }

  @Override
  public void close() {
    account.close();
  }
}
