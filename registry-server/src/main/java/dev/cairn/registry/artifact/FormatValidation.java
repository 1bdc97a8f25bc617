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

  static boolean passed(Validation validation) {
    return "PASSED".equals(validation.checksum())
        && !"FAILED".equals(validation.load())
        && validation.phases().values().stream().noneMatch(p -> p.endsWith("FAILED"));
  }
}
