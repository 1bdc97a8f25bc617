package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.InspectableModel;

/** One loaded mode's standard; holds no native resources, so closing it is free. */
public record ColorSignatureModel(String variant, StdModel standard) implements InspectableModel {

  @Override
  public String format() {
    return StdModel.ENGINE;
  }

  @Override
  public void close() {}
}
