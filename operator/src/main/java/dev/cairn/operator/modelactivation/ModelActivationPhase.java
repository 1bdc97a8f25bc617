package dev.cairn.operator.modelactivation;

/**
 * The phases of a ModelActivation's status: {@code Pending} while its versions are not ready,
 * {@code Activating} while the registry cannot be reached, {@code Active} once the alias is set,
 * {@code Failed} when it cannot be, {@code Conflict} when another resource manages the alias. The
 * status carries {@link #wire()}.
 */
public enum ModelActivationPhase {
  PENDING("Pending"),
  ACTIVATING("Activating"),
  ACTIVE("Active"),
  FAILED("Failed"),
  CONFLICT("Conflict");

  private final String wire;

  ModelActivationPhase(String wire) {
    this.wire = wire;
  }

  /** The name {@code status.phase} carries. */
  public String wire() {
    return wire;
  }

  /** Whether {@code status} (which may be absent) is in this phase. */
  public boolean of(ModelActivationStatus status) {
    return status != null && wire.equals(status.phase());
  }
}
