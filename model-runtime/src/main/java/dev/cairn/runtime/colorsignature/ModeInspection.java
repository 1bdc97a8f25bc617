package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.color.Ciede2000;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code INSPECTION} phase for one mode (spec 60): quality gates, the sample's signature with
 * the standard's {@code k}, inks matched by least total ΔE00, then tolerance checks. Ink indexes in
 * reasons are positions in the standard's {@code inks} (0-based, darkest first).
 */
public final class ModeInspection {

  private ModeInspection() {}

  /** {@code inkCount} overrides the standard's ink count (shadow runs with another k), or null. */
  public static ModeResult inspect(StdModel model, ImageAnalysis sample, Integer inkCount) {
    List<String> gates = sample.gateFailures();
    if (!gates.isEmpty()) {
      return ModeResult.retake(gates);
    }
    List<Ink> standard = model.signature();
    List<Ink> inks = Signatures.of(sample, inkCount != null ? inkCount : model.expectedInkCount());
    int[] match = InkMatching.match(standard, inks);
    List<String> colour = new ArrayList<>();
    List<String> coverage = new ArrayList<>();
    List<ModeResult.InkResult> results = new ArrayList<>();
    for (int i = 0; i < standard.size(); i++) {
      if (match[i] < 0) {
        coverage.add("INK_COVERAGE_DEVIATION:" + i);
        results.add(new ModeResult.InkResult(null, null, round(-standard.get(i).share())));
        continue;
      }
      Ink found = inks.get(match[i]);
      double de00 = Ciede2000.difference(standard.get(i).lab(), found.lab());
      double shareDelta = found.share() - standard.get(i).share();
      if (de00 > model.toleranceDe00()) {
        colour.add("INK_COLOR_DEVIATION:" + i);
      }
      if (Math.abs(shareDelta) > model.shareTolerance()) {
        coverage.add("INK_COVERAGE_DEVIATION:" + i);
      }
      results.add(
          new ModeResult.InkResult(
              List.of(round(found.lab().l()), round(found.lab().a()), round(found.lab().b())),
              round(de00),
              round(shareDelta)));
    }
    List<String> reasons = new ArrayList<>(colour);
    reasons.addAll(coverage);
    return new ModeResult(reasons.isEmpty() ? Decision.OK : Decision.NG, reasons, results);
  }

  private static double round(double value) {
    return StdRegistration.round(value);
  }
}
