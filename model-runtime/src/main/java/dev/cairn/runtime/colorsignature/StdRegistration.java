package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.color.Ciede2000;
import dev.cairn.runtime.color.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code STD_REGISTRATION} phase (spec 60): checks the STD images of one mode and builds the
 * standard — each image's inks matched to the first image's, mean Lab and share per ink, and the
 * spread of the images around that mean.
 */
public final class StdRegistration {

  public static final int DEFAULT_MIN_STD_IMAGES = 3;
  private static final double MIN_INK_SHARE = 0.02;
  private static final double MIN_INK_SEPARATION = 3.0;

  private StdRegistration() {}

  public static StdRegistrationResult run(
      String mode,
      List<StdImageInput> images,
      int expectedInkCount,
      Tolerances tolerances,
      int minStdImages,
      EngineParams params) {
    List<StdRegistrationResult.ImageFinding> findings = new ArrayList<>();
    List<List<Ink>> signatures = new ArrayList<>();
    String failure = images.size() < minStdImages ? "STD_TOO_FEW_IMAGES" : null;
    for (StdImageInput image : images) {
      List<String> gates = image.analysis().gateFailures();
      List<Ink> inks =
          gates.isEmpty() ? Signatures.of(image.analysis(), expectedInkCount) : List.of();
      findings.add(new StdRegistrationResult.ImageFinding(image.path(), gates, inks));
      signatures.add(inks);
      if (failure == null && !gates.isEmpty()) {
        failure = "STD_IMAGE_QUALITY:" + gates.get(0);
      }
    }
    if (failure != null) {
      return new StdRegistrationResult(failure, Optional.empty(), findings);
    }
    boolean split = signatures.stream().anyMatch(StdRegistration::inkCountMismatch);
    StdModel model = build(mode, images, signatures, expectedInkCount, tolerances, params);
    String code =
        split
            ? "STD_INK_COUNT_MISMATCH"
            : unstable(model, tolerances) ? "STD_UNSTABLE" : StdRegistrationResult.ACCEPTABLE;
    return new StdRegistrationResult(code, Optional.of(model), findings);
  }

  /** An ink too small, or two inks too close: the image holds fewer inks than expected. */
  private static boolean inkCountMismatch(List<Ink> inks) {
    for (int i = 0; i < inks.size(); i++) {
      if (inks.get(i).share() < MIN_INK_SHARE) {
        return true;
      }
      for (int j = i + 1; j < inks.size(); j++) {
        if (Ciede2000.difference(inks.get(i).lab(), inks.get(j).lab()) < MIN_INK_SEPARATION) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean unstable(StdModel model, Tolerances tolerances) {
    return model.inks().stream().anyMatch(ink -> ink.spreadDe00() > 0.5 * tolerances.de00());
  }

  private static StdModel build(
      String mode,
      List<StdImageInput> images,
      List<List<Ink>> signatures,
      int k,
      Tolerances tolerances,
      EngineParams params) {
    List<Ink> reference = signatures.get(0);
    List<Ink[]> aligned = new ArrayList<>();
    for (List<Ink> signature : signatures) {
      int[] match = InkMatching.match(reference, signature);
      Ink[] row = new Ink[k];
      for (int i = 0; i < k; i++) {
        row[i] = signature.get(match[i]);
      }
      aligned.add(row);
    }
    List<StdModel.StdInk> inks = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      double l = 0;
      double a = 0;
      double b = 0;
      double share = 0;
      for (Ink[] row : aligned) {
        l += row[i].lab().l();
        a += row[i].lab().a();
        b += row[i].lab().b();
        share += row[i].share();
      }
      int n = aligned.size();
      Lab mean = new Lab(round(l / n), round(a / n), round(b / n));
      double spread = 0;
      for (Ink[] row : aligned) {
        spread = Math.max(spread, Ciede2000.difference(mean, row[i].lab()));
      }
      inks.add(
          new StdModel.StdInk(
              List.of(mean.l(), mean.a(), mean.b()), round(share / n), round(spread)));
    }
    return new StdModel(
        StdModel.ENGINE,
        StdModel.ENGINE_VERSION,
        mode,
        k,
        tolerances.de00(),
        tolerances.share(),
        inks,
        images.stream().map(image -> new StdModel.StdImage(image.path(), image.sha256())).toList(),
        new StdModel.Params(params.backgroundLMin(), params.backgroundCMax()));
  }

  /** Four decimals: enough for ΔE00 work, and short, stable text in {@code signature.json}. */
  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
