package dev.cairn.registry.artifact;

import dev.cairn.client.model.RuntimeRequirement;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;

/** The detail of a version that failed validation, as its failure and a 422 show it. */
final class FailureDetails {

  private FailureDetails() {}

  static String of(Version version, Validation validation) {
    String code = FormatValidation.failureCode(validation).orElse("VALIDATION_FAILED");
    RuntimeRequirement runtime = version.runtime();
    if ("RUNTIME_INCOMPATIBLE".equals(code) && runtime != null) {
      // What the version asked for; the registry's own runtime versions are at GET / and in the
      // log line of the refusal.
      return "validation of format "
          + version.format()
          + " failed: the version needs runtime "
          + (runtime.name() == null ? version.format() : runtime.name())
          + (runtime.minVersion() == null ? "" : " " + runtime.minVersion() + " or newer")
          + (runtime.opset() == null ? "" : " with opset " + runtime.opset());
    }
    return "validation of format " + version.format() + " failed: " + code;
  }
}
