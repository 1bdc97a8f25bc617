package dev.cairn.registry.version;

/**
 * The outcome words of a version's validation (spec 10-registry-api, Validation): its {@code
 * checksum} is PASSED, FAILED or NOT_RUN; its {@code load} is one of these or the failing code
 * ({@code MODEL_LOAD_FAILED:LOW}, …); a format without a runtime is NOT_APPLICABLE. The wire record
 * carries {@link #wire()}.
 */
public enum CheckOutcome {
  PASSED,
  FAILED,
  NOT_RUN,
  NOT_APPLICABLE;

  /** The word a {@code Validation} carries. */
  public String wire() {
    return name();
  }

  /** Whether {@code word} (a checksum or load result) is this outcome. */
  public boolean is(String word) {
    return wire().equals(word);
  }
}
