package dev.cairn.registry.domain;

/**
 * Why a change was made (a model archived or deleted): one line of text, at most {@value #MAX}
 * characters, so an audit entry stays a line a person reads; else 400 {@code INVALID_TEXT:reason}.
 */
public final class Reasons {

  /** Characters of one reason. */
  public static final int MAX = 1_000;

  private Reasons() {}

  /** {@code reason} (may be null), checked. */
  public static String checked(String reason) {
    Text.line("reason", reason);
    if (reason != null && reason.codePointCount(0, reason.length()) > MAX) {
      throw ApiException.invalidText(
          "reason", "reason is limited to " + MAX + " characters; one line says why");
    }
    return reason;
  }
}
