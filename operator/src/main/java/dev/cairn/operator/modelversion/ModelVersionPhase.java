package dev.cairn.operator.modelversion;

/**
 * The phases of a ModelVersion's status: {@code Pending} until the operator looks, {@code
 * Verifying} while it fetches and checks the files, {@code Verified} once the registry holds them
 * READY, {@code Failed} when they cannot be. The status carries {@link #wire()}.
 */
public enum ModelVersionPhase {
  PENDING("Pending"),
  VERIFYING("Verifying"),
  VERIFIED("Verified"),
  FAILED("Failed");

  private final String wire;

  ModelVersionPhase(String wire) {
    this.wire = wire;
  }

  /** The name {@code status.phase} carries. */
  public String wire() {
    return wire;
  }

  /** Whether {@code status} (which may be absent) is in this phase. */
  public boolean of(ModelVersionStatus status) {
    return status != null && wire.equals(status.phase());
  }

  /** The phase a status shows, {@code Pending} before the operator has set one. */
  public static String shown(ModelVersionStatus status) {
    return status == null || status.phase() == null ? PENDING.wire : status.phase();
  }
}
