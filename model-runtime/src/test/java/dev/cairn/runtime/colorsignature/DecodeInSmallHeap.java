package dev.cairn.runtime.colorsignature;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run as its own JVM by {@link ImageDecoderMemoryTest}: decodes the file named by its argument and
 * tells what happened by its exit code alone.
 */
public final class DecodeInSmallHeap {

  static final int DECODED = 0;
  static final int MEMORY_EXHAUSTED = 3;
  static final int REJECTED = 4;

  private DecodeInSmallHeap() {}

  public static void main(String[] args) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      ImageDecoder.decode(in, "big.png");
      System.exit(DECODED);
    } catch (ImageMemoryExhausted e) {
      System.exit(MEMORY_EXHAUSTED);
    } catch (ImageRejected e) {
      System.exit(REJECTED);
    }
  }
}
