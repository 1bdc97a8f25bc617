package dev.cairn.registry.artifact;

import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;

/**
 * The runtime hook of {@code complete} and {@code validate}: a format that has a runtime (ONNX,
 * colour-signature) loads the version here and reports its phases. Formats without one get {@link
 * #checksumOnly()}.
 */
@FunctionalInterface
public interface FormatValidation {

  /** Validates a version whose files are all present and verified. */
  Validation validate(Version version);

  /** For formats no runtime of this registry loads: the checksum is the whole validation. */
  static FormatValidation checksumOnly() {
    return version -> new Validation("PASSED", "NOT_APPLICABLE", java.util.Map.of());
  }

  /**
   * Checksums passed, the load did not fail (it may not apply) and every phase passed — a
   * colour-signature standard passes its phase only with {@code STD_ACCEPTABLE}.
   */
  static boolean passed(Validation validation) {
    return failureCode(validation).isEmpty();
  }

  /** The code that made a validation fail: the load's code, else the first failed phase's. */
  static java.util.Optional<String> failureCode(Validation validation) {
    if (!"PASSED".equals(validation.checksum())) {
      return java.util.Optional.of("VALIDATION_FAILED");
    }
    if (!java.util.Set.of("PASSED", "NOT_APPLICABLE", "NOT_RUN").contains(validation.load())) {
      return java.util.Optional.of(
          "FAILED".equals(validation.load()) ? "VALIDATION_FAILED" : validation.load());
    }
    return validation.phases().values().stream()
        .filter(
            phase ->
                !java.util.Set.of("PASSED", "NOT_APPLICABLE", "STD_ACCEPTABLE").contains(phase))
        .findFirst();
  }
}
