package dev.cairn.registry.runtime;

import dev.cairn.client.model.Version;
import dev.cairn.runtime.RuntimeRequirement;

/** A version's {@code runtime} block in the runtime library's terms. */
final class Requirements {

  private Requirements() {}

  static RuntimeRequirement of(Version version) {
    if (version.runtime() == null) {
      return RuntimeRequirement.NONE;
    }
    return new RuntimeRequirement(
        version.runtime().name(), version.runtime().minVersion(), version.runtime().opset());
  }
}
