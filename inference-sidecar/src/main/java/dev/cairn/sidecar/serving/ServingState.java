package dev.cairn.sidecar.serving;

/**
 * Where a served model stands, with its transitions. A model is COLD until it is first asked for,
 * LOADING until a set serves (or the registry says there is nothing to serve), READY while it
 * serves, and UNLOADED once let go again (least recently used). DEGRADED is READY seen with trouble
 * (the registry unreachable or refusing, the event stream down, the newest generation failed); it
 * is a view, never held. The wire ({@code /status}, the repository index, instance reports) spells
 * each state as its constant's name; {@link #wire()} is the only mapping.
 */
public enum ServingState {
  COLD,
  LOADING,
  READY,
  DEGRADED,
  UNLOADED;

  /** The model is asked for (preloaded, or a request came): a model not wanted starts loading. */
  public ServingState demanded() {
    return switch (this) {
      case COLD, UNLOADED -> LOADING;
      case LOADING, READY, DEGRADED -> this;
    };
  }

  /**
   * A set serves what the alias names (a swap, or a resolve naming what already serves). A model
   * let go meanwhile stays let go: a prepare that ends after an unload does not make it wanted.
   */
  public ServingState served() {
    return switch (this) {
      case LOADING, READY, DEGRADED -> READY;
      case COLD, UNLOADED -> UNLOADED;
    };
  }

  /** The loaded set is let go; a model that never served is cold again. */
  public ServingState unloaded() {
    return switch (this) {
      case COLD, LOADING -> COLD;
      case READY, DEGRADED, UNLOADED -> UNLOADED;
    };
  }

  /** This state as seen with {@code trouble}: READY becomes DEGRADED, nothing else changes. */
  public ServingState degradedWhen(boolean trouble) {
    return this == READY && trouble ? DEGRADED : this;
  }

  /** Whether the model is meant to be loaded (asked for and not let go since). */
  public boolean wanted() {
    return this == LOADING || this == READY || this == DEGRADED;
  }

  /**
   * The state an instance report carries: the registry knows no COLD or UNLOADED (a model not
   * loaded is not reported at all, and one being loaded again is LOADING).
   */
  public ServingState reported() {
    return wanted() ? this : LOADING;
  }

  /** The state as the wire spells it. */
  public String wire() {
    return name();
  }
}
