package dev.cairn.signing;

import java.util.Objects;
import java.util.Optional;

/**
 * A refused model signature: a code the API can return as is, the path it concerns (for {@link
 * RefusalCode#SIGNATURE_MISMATCH}) and a one-line detail that never carries key material.
 */
public final class SignatureRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final RefusalCode code;
  private final String path;

  private SignatureRefusal(RefusalCode code, String path, String detail, Throwable cause) {
    super(detail, cause);
    this.code = Objects.requireNonNull(code);
    this.path = path;
  }

  /** A refusal that concerns the bundle as a whole. */
  public static SignatureRefusal of(RefusalCode code, String detail) {
    return new SignatureRefusal(code, null, detail, null);
  }

  /** A refusal caused by a lower-level failure (kept for the logs, not for the client). */
  public static SignatureRefusal of(RefusalCode code, String detail, Throwable cause) {
    return new SignatureRefusal(code, null, detail, cause);
  }

  /** A {@code SIGNATURE_MISMATCH} naming the model file (relative POSIX path) that differs. */
  public static SignatureRefusal mismatch(String path, String detail) {
    return new SignatureRefusal(RefusalCode.SIGNATURE_MISMATCH, path, detail, null);
  }

  public RefusalCode code() {
    return code;
  }

  /** The file a mismatch concerns; empty for every other code. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** The code as the API writes it: {@code SIGNATURE_MISMATCH:<path>} for a mismatch. */
  public String wireCode() {
    return path == null ? code.name() : code.name() + ":" + path;
  }

  /** The one-line, human-readable reason. */
  public String detail() {
    return getMessage();
  }

  @Override
  public String toString() {
    return wireCode() + ": " + getMessage();
  }
}
