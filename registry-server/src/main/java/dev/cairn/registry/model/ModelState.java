package dev.cairn.registry.model;

import dev.cairn.registry.domain.ApiException;
import java.util.Arrays;

/**
 * The states of a model (spec 10-registry-api, Models); the wire carries the name. {@code LIVE} and
 * {@code ARCHIVED} are set by hand (PATCH) either way; {@code DELETED} is reached from either only
 * by {@code DELETE} and never left (the tombstone stays, the name is free again).
 */
public enum ModelState {
  LIVE,
  ARCHIVED,
  DELETED;

  /** The name the API and the {@code models.state} column carry. */
  public String wire() {
    return name();
  }

  /** The state a stored model carries. */
  public static ModelState of(String wire) {
    return valueOf(wire);
  }

  /** The state named in a filter; 400 for any other name. */
  public static ModelState parse(String name) {
    return Arrays.stream(values())
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> ApiException.badRequest("state must be LIVE, ARCHIVED or DELETED"));
  }

  /** The state a PATCH may set: LIVE or ARCHIVED; 400 for DELETED (that is a DELETE). */
  public static ModelState settable(String name) {
    ModelState state = parse(name);
    if (state == DELETED) {
      throw ApiException.badRequest(
          "state DELETED is set by DELETE …/models/{m}, not by PATCH; a PATCH sets LIVE or"
              + " ARCHIVED");
    }
    return state;
  }
}
