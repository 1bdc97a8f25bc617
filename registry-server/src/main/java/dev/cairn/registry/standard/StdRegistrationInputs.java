package dev.cairn.registry.standard;

import dev.cairn.client.model.Model;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.runtime.StandardCheck;
import dev.cairn.runtime.colorsignature.InkMatching;
import dev.cairn.runtime.colorsignature.StdRegistration;
import dev.cairn.runtime.colorsignature.Tolerances;
import java.util.List;
import java.util.Optional;

/**
 * What a registration form asks the standard check for, read and held to its rules before anything
 * runs: the images, the variant (which the model must have) and the check's settings (ink count
 * from the form or the model's label, tolerances from the form or the mode's defaults). A bad field
 * is a 400 or 422 here; {@link StdRegistrationService} then runs the check and publishes.
 */
final class StdRegistrationInputs {

  private StdRegistrationInputs() {}

  static List<StandardCheck.Image> images(StdRegistrationForm form) {
    return form.images().stream()
        .map(image -> new StandardCheck.Image(image.path(), image.sha256(), image.file()))
        .toList();
  }

  static String variant(StdRegistrationForm form, Model model) {
    String variant =
        form.field("variant")
            .or(() -> form.field("mode"))
            .orElseThrow(() -> ApiException.badRequest("part 'variant' (the mode) is required"));
    if (!model.variants().contains(variant)) {
      // The code resolve and publish answer for a variant the model does not have.
      throw new ApiException(
          422,
          "VARIANT_MISMATCH:" + variant,
          "model '"
              + model.name()
              + "' has no variant '"
              + variant
              + "'; its variants are "
              + model.variants());
    }
    return variant;
  }

  /** Ink count from the request, else the model's {@code expected_ink_count} label. */
  static StandardCheck.Settings settings(StdRegistrationForm form, Model model, String variant) {
    String inks =
        form.field("expected_ink_count")
            .or(
                () ->
                    Optional.ofNullable(model.labels())
                        .map(labels -> labels.get("expected_ink_count")))
            .orElseThrow(
                () ->
                    new ApiException(
                        422,
                        "VALIDATION_FAILED",
                        "expected_ink_count is required (a part, or a label of the model)"));
    int count = integer("expected_ink_count", inks);
    if (count < 1 || count > InkMatching.MAX_INKS) {
      throw ApiException.badRequest("expected_ink_count must be 1 to " + InkMatching.MAX_INKS);
    }
    Tolerances defaults = Tolerances.forMode(variant);
    return new StandardCheck.Settings(
        count,
        new Tolerances(
            decimal(form, "tolerance_de00", defaults.de00()),
            decimal(form, "share_tolerance", defaults.share())),
        StdRegistration.DEFAULT_MIN_STD_IMAGES);
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number, not '" + value + "'");
    }
  }

  private static double decimal(StdRegistrationForm form, String name, double fallback) {
    String value = form.field(name).orElse(null);
    if (value == null) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (!(parsed > 0) || Double.isInfinite(parsed)) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a positive number, not '" + value + "'");
    }
  }
}
