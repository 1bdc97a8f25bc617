package dev.cairn.runtime;

import java.util.Optional;

/**
 * A version's {@code runtime} block: the runtime's name, the oldest runtime version that can load
 * it, and for ONNX the highest opset it uses. Any part may be absent.
 */
public record RuntimeRequirement(String name, String minVersion, Integer opset) {

  public static final RuntimeRequirement NONE = new RuntimeRequirement(null, null, null);

  public Optional<String> nameIfAny() {
    return Optional.ofNullable(name).filter(value -> !value.isBlank());
  }
}
