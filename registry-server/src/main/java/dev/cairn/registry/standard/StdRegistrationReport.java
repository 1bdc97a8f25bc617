package dev.cairn.registry.standard;

import dev.cairn.runtime.colorsignature.StdModel;
import java.util.List;

/**
 * The answer of a dry run ({@code ?dry_run=true}, seed 000's {@code /models/validate}): the phase
 * result, what each image showed and the standard that would be stored. Nothing is kept.
 */
public record StdRegistrationReport(
    String phase,
    String result,
    String variant,
    int expectedInkCount,
    List<ImageResult> images,
    StdModel signature) {

  /** One STD image: its client name, path it would get, digest, gate failures and inks. */
  public record ImageResult(
      String name, String path, String sha256, List<String> reasons, List<InkResult> inks) {}

  /** One ink of an image: Lab and share of the image's ink pixels. */
  public record InkResult(List<Double> lab, double share) {}
}
