package dev.cairn.runtime.colorsignature;

import java.util.List;
import java.util.Map;

/**
 * The answer to an inspection request: the requested mode's decision for the worst image, that
 * image's reasons and per-mode results, and every image's own answer (spec 50 {@code /inspect}).
 */
public record InspectionReport(
    Decision decision,
    List<String> reasons,
    String mode,
    Map<String, ModeResult> results,
    List<ImageReport> images) {

  /** One image: its decision in the requested mode, reasons, and its result in every mode. */
  public record ImageReport(
      String name, Decision decision, List<String> reasons, Map<String, ModeResult> results) {}

  /** An answer without inspecting: RETAKE for a reason that concerns the model, not the images. */
  public static InspectionReport retake(String mode, String reason, List<String> imageNames) {
    List<ImageReport> images =
        imageNames.stream()
            .map(name -> new ImageReport(name, Decision.RETAKE, List.of(reason), Map.of()))
            .toList();
    return new InspectionReport(Decision.RETAKE, List.of(reason), mode, Map.of(), images);
  }
}
