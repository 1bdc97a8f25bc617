package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The runtime a version needs to load: its name, the oldest version that can load it and, for ONNX,
 * the highest opset it uses (spec 50 "Runtimes").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuntimeRequirement(String name, String minVersion, Integer opset) {

  public RuntimeRequirement(String name, String minVersion) {
    this(name, minVersion, null);
  }
}
