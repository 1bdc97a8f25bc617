package dev.cairn.registry.model;

import dev.cairn.registry.domain.ApiException;
import java.util.Arrays;

/**
 * The states a model is set to by hand (spec 10-registry-api, Models); the wire carries the name.
 */
public enum ModelState {
  LIVE,
  ARCHIVED;

  /** The state named in a request or filter; 400 for any other name. */
  public static ModelState parse(String name) {
    return Arrays.stream(values())
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> ApiException.badRequest("state must be LIVE or ARCHIVED"));
  }
}
