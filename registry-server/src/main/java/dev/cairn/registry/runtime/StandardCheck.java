package dev.cairn.registry.runtime;

import dev.cairn.runtime.colorsignature.EngineParams;
import dev.cairn.runtime.colorsignature.ImageAnalyzer;
import dev.cairn.runtime.colorsignature.ImageDecoder;
import dev.cairn.runtime.colorsignature.StdImageInput;
import dev.cairn.runtime.colorsignature.StdRegistration;
import dev.cairn.runtime.colorsignature.StdRegistrationResult;
import dev.cairn.runtime.colorsignature.Tolerances;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code STD_REGISTRATION} phase over STD images on local disk, for both a registration
 * (and its dry run) and the validation of a stored colour-signature version, so the two can never
 * disagree.
 */
public final class StandardCheck {

  /** One STD image: its path inside the version, its SHA-256 (hex) and where its bytes are. */
  public record Image(String path, String sha256, Path file) {}

  /** What a standard is checked with: ink count, tolerances and the minimum image count. */
  public record Settings(int expectedInkCount, Tolerances tolerances, int minStdImages) {}

  private StandardCheck() {}

  public static StdRegistrationResult run(String mode, List<Image> images, Settings settings)
      throws IOException {
    List<StdImageInput> inputs = new ArrayList<>();
    for (Image image : images) {
      try (InputStream in = Files.newInputStream(image.file())) {
        inputs.add(
            new StdImageInput(
                image.path(),
                image.sha256(),
                ImageAnalyzer.analyze(
                    ImageDecoder.decode(in, image.path()), EngineParams.DEFAULTS)));
      }
    }
    return StdRegistration.run(
        mode,
        inputs,
        settings.expectedInkCount(),
        settings.tolerances(),
        settings.minStdImages(),
        EngineParams.DEFAULTS);
  }
}
