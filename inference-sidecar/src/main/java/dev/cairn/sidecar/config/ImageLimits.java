package dev.cairn.sidecar.config;

/**
 * How much image one {@code /inspect} may bring and how much the process decodes at once: {@code
 * CAIRN_MAX_IMAGES_PER_REQUEST} (32), {@code CAIRN_MAX_REQUEST_PIXELS} (100 megapixels, two images
 * at the 50-megapixel cap) and {@code CAIRN_MAX_DECODING_BYTES}, the bytes of images held in memory
 * by all requests together, encoded and decoded (a quarter of the maximum heap: the rest is the
 * server's, the models' and the analysis', and headroom for the collector, which must find each
 * large decoded image a contiguous run of free regions — at half the heap a 384 MB sidecar could
 * still fail with OutOfMemoryError under eight concurrent 20-megapixel requests).
 */
public record ImageLimits(int maxImagesPerRequest, long maxRequestPixels, long maxDecodingBytes) {

  public static final int DEFAULT_MAX_IMAGES_PER_REQUEST = 32;
  public static final long DEFAULT_MAX_REQUEST_PIXELS = 100_000_000L;

  /** The defaults for this JVM's heap. */
  public static ImageLimits defaults() {
    return new ImageLimits(
        DEFAULT_MAX_IMAGES_PER_REQUEST, DEFAULT_MAX_REQUEST_PIXELS, defaultDecodingBytes());
  }

  /** A quarter of the heap the JVM may grow to. */
  public static long defaultDecodingBytes() {
    return Runtime.getRuntime().maxMemory() / 4;
  }
}
