package dev.cairn.registry.artifact;

import dev.cairn.client.model.RuntimeRequirement;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import java.util.Optional;

/** The detail of a version that failed validation, as its failure and a 422 show it. */
final class FailureDetails {

  private FailureDetails() {}

  /**
   * @param present the runtime this registry loads the format with ("onnx runtime 1.20.0"), when it
   *     has one
   */
  static String of(Version version, Validation validation, Optional<String> present) {
    String code = FormatValidation.failureCode(validation).orElse("VALIDATION_FAILED");
    RuntimeRequirement runtime = version.runtime();
    if ("RUNTIME_INCOMPATIBLE".equals(code) && runtime != null) {
      // What the version asked for, and what this registry has to load it with.
      return "validation of format "
          + version.format()
          + " failed: the version needs runtime "
          + (runtime.name() == null ? version.format() : runtime.name())
          + (runtime.minVersion() == null ? "" : " " + runtime.minVersion() + " or newer")
          + (runtime.opset() == null ? "" : " with opset " + runtime.opset())
          + present.map(r -> "; this registry runs " + r).orElse("");
    }
    return "validation of format " + version.format() + " failed: " + code;
  }
}
