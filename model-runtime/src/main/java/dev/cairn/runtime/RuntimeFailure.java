package dev.cairn.runtime;

/**
 * Why a version cannot be loaded, as the code a sidecar reports and keeps its old set for: {@code
 * RUNTIME_INCOMPATIBLE}, {@code CFG_MISMATCH:<variant>} or {@code MODEL_LOAD_FAILED:<variant>}.
 */
public final class RuntimeFailure extends Exception {

  private final String code;

  private RuntimeFailure(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public static RuntimeFailure incompatible(String message) {
    return new RuntimeFailure("RUNTIME_INCOMPATIBLE", message, null);
  }

  public static RuntimeFailure configMismatch(String variant, String message) {
    return new RuntimeFailure("CFG_MISMATCH:" + variant, message, null);
  }

  public static RuntimeFailure loadFailed(String variant, String message, Throwable cause) {
    return new RuntimeFailure("MODEL_LOAD_FAILED:" + variant, message, cause);
  }

  public String code() {
    return code;
  }
}
