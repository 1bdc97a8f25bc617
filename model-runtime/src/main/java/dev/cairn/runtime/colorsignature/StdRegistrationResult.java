package dev.cairn.runtime.colorsignature;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of the {@code STD_REGISTRATION} phase: its code ({@code STD_ACCEPTABLE} or the
 * failure), the model when one could be built, and what each image showed.
 */
public record StdRegistrationResult(
    String code, Optional<StdModel> model, List<ImageFinding> images) {

  public static final String ACCEPTABLE = "STD_ACCEPTABLE";

  /** One STD image: its quality-gate failures and its inks (empty when a gate failed). */
  public record ImageFinding(String path, List<String> reasons, List<Ink> inks) {}

  public boolean acceptable() {
    return ACCEPTABLE.equals(code);
  }
}
