package dev.cairn.runtime.colorsignature;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inspects images against every loaded mode of one generation at once. The decision is the
 * requested mode's; with several images the worst image (RETAKE > NG > OK, first one on ties) gives
 * the top-level answer.
 */
public final class Inspector {

  /** An image to inspect and the name it is reported under. */
  public record NamedImage(String name, BufferedImage image) {}

  private Inspector() {}

  /**
   * @param models the loaded standards by mode, in the model's variant order
   * @param mode the requested mode (the model's default variant when the caller named none)
   * @param inkCount an override of the standards' ink count, or null
   */
  public static InspectionReport inspect(
      Map<String, StdModel> models, String mode, List<NamedImage> images, Integer inkCount) {
    List<String> names = images.stream().map(NamedImage::name).toList();
    Optional<String> retake = LoadedModes.of(models).retakeReason(mode);
    if (retake.isPresent()) {
      return InspectionReport.retake(mode, retake.get(), names);
    }
    List<InspectionReport.ImageReport> reports = new ArrayList<>();
    for (NamedImage image : images) {
      reports.add(inspectImage(models, mode, image, inkCount));
    }
    return combine(mode, reports);
  }

  /**
   * The report of several images inspected one by one with {@link #inspectImage}, so that a caller
   * need not hold every decoded image at once: the worst image gives the top-level answer.
   */
  public static InspectionReport combine(String mode, List<InspectionReport.ImageReport> reports) {
    InspectionReport.ImageReport worst = null;
    for (InspectionReport.ImageReport report : reports) {
      if (worst == null || report.decision().compareTo(worst.decision()) > 0) {
        worst = report;
      }
    }
    return new InspectionReport(
        worst.decision(), worst.reasons(), mode, worst.results(), List.copyOf(reports));
  }

  /**
   * One image against every loaded mode; {@code models} must hold {@code mode} (see {@link
   * #inspect} for the answers when it does not).
   */
  public static InspectionReport.ImageReport inspectImage(
      Map<String, StdModel> models, String mode, NamedImage image, Integer inkCount) {
    // Modes normally share thresholds; analyse the pixels once per distinct set.
    Map<EngineParams, ImageAnalysis> analyses = new HashMap<>();
    Map<String, ModeResult> results = new LinkedHashMap<>();
    for (Map.Entry<String, StdModel> entry : models.entrySet()) {
      EngineParams params = entry.getValue().params().engineParams();
      ImageAnalysis analysis =
          analyses.computeIfAbsent(params, p -> ImageAnalyzer.analyze(image.image(), p));
      results.put(entry.getKey(), ModeInspection.inspect(entry.getValue(), analysis, inkCount));
    }
    ModeResult chosen = results.get(mode);
    return new InspectionReport.ImageReport(
        image.name(), chosen.decision(), chosen.reasons(), results);
  }
}
