package dev.cairn.sidecar.serving;

/**
 * A generation that could not be prepared, with the code the instance report carries: {@code
 * CHECKSUM_MISMATCH:<variant>}, {@code MODEL_LOAD_FAILED:<variant>}, {@code
 * CFG_MISMATCH:<variant>}, {@code RUNTIME_INCOMPATIBLE} or {@code DOWNLOAD_FAILED:<variant>}.
 */
public final class SwapFailure extends Exception {

  private final String code;

  public SwapFailure(String code, String message, Throwable cause) {
    super(code + ": " + message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
