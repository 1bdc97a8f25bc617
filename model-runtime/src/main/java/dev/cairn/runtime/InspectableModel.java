package dev.cairn.runtime;

import dev.cairn.runtime.colorsignature.StdModel;

/**
 * A loaded model that images are inspected against: one mode's colour-signature standard. A server
 * asks for this capability instead of naming the runtime's class; a variant without it is not a
 * standard, whatever else it serves.
 */
public interface InspectableModel extends LoadedModel {

  /** The standard this variant judges images by. */
  StdModel standard();
}
