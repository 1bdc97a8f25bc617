package dev.cairn.registry.artifact;

import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.registry.version.CheckOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime hook of {@code complete} and {@code validate}: a format that has a runtime (ONNX,
 * colour-signature) loads the version here and reports its phases. Formats without one get {@link
 * #checksumOnly()}.
 */
@FunctionalInterface
public interface FormatValidation {

  /** Load results that do not fail a version (a format without a runtime is NOT_APPLICABLE). */
  Set<String> LOAD_OK =
      Set.of(
          CheckOutcome.PASSED.wire(),
          CheckOutcome.NOT_APPLICABLE.wire(),
          CheckOutcome.NOT_RUN.wire());

  /** Phase results that pass; a colour-signature standard passes only as STD_ACCEPTABLE. */
  Set<String> PHASE_OK =
      Set.of(CheckOutcome.PASSED.wire(), CheckOutcome.NOT_APPLICABLE.wire(), "STD_ACCEPTABLE");

  /** Validates a version whose files are all present and verified. */
  Validation validate(Version version);

  /** The runtime this registry loads {@code format} with, as "onnx runtime 1.20.0", if any. */
  default Optional<String> runtimeFor(String format) {
    return Optional.empty();
  }

  /** For formats no runtime of this registry loads: the checksum is the whole validation. */
  static FormatValidation checksumOnly() {
    return version ->
        new Validation(CheckOutcome.PASSED.wire(), CheckOutcome.NOT_APPLICABLE.wire(), Map.of());
  }

  /**
   * Checksums passed, the load did not fail (it may not apply) and every phase passed — a
   * colour-signature standard passes its phase only with {@code STD_ACCEPTABLE}.
   */
  static boolean passed(Validation validation) {
    return failureCode(validation).isEmpty();
  }

  /**
   * The code of a 422 for a failed validation: {@code RUNTIME_INCOMPATIBLE} on its own (seed 001's
   * loader tells "wrong runtime" from "broken bytes" by it), else {@code VALIDATION_FAILED} with
   * the failing code in the detail and the validation.
   */
  static String answerCode(Validation validation) {
    return failureCode(validation)
        .filter("RUNTIME_INCOMPATIBLE"::equals)
        .orElse("VALIDATION_FAILED");
  }

  /** The code that made a validation fail: the load's code, else the first failed phase's. */
  static Optional<String> failureCode(Validation validation) {
    if (!CheckOutcome.PASSED.is(validation.checksum())) {
      return Optional.of("VALIDATION_FAILED");
    }
    if (!LOAD_OK.contains(validation.load())) {
      return Optional.of(
          CheckOutcome.FAILED.is(validation.load()) ? "VALIDATION_FAILED" : validation.load());
    }
    return validation.phases().values().stream().filter(p -> !PHASE_OK.contains(p)).findFirst();
  }
}
