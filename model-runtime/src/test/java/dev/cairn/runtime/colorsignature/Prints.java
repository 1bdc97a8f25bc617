package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.color.Lab;
import dev.cairn.runtime.testing.InkImages;
import java.io.ByteArrayInputStream;

/** The two-ink print the engine tests inspect, and helpers to analyse encoded images. */
final class Prints {

  static final Lab BLUE = InkImages.BLUE;
  static final Lab RED = InkImages.RED;

  private Prints() {}

  /** The standard print: blue 40 % and red 60 % of the ink area. */
  static InkImages twoInks(long seed) {
    return InkImages.twoInks(240, 180, seed);
  }

  static ImageAnalysis analyse(byte[] encoded) {
    return ImageAnalyzer.analyze(
        ImageDecoder.decode(new ByteArrayInputStream(encoded), "test"), EngineParams.DEFAULTS);
  }
}
