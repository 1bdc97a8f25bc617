package dev.cairn.initializer;

import dev.cairn.client.CairnApiException;

/** The exit code and the one line of a registry's error answer. */
final class FailureLines {

  private FailureLines() {}

  static InitFailure of(CairnApiException e, CairnUri uri) {
    ExitCode code =
        switch (e.status()) {
          case 401, 403 -> ExitCode.UNAUTHORISED;
          case 404 -> ExitCode.NOT_FOUND;
          case 502, 503, 504 -> ExitCode.UNREACHABLE;
          default -> ExitCode.REFUSED;
        };
    String what =
        switch (code) {
          case UNAUTHORISED -> "unauthorised";
          case NOT_FOUND -> "not found";
          case UNREACHABLE -> "unreachable";
          default -> "refused";
        };
    return new InitFailure(
        code,
        what
            + ": "
            + e.status()
            + " "
            + e.code()
            + (e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail())
            + " ("
            + uri
            + ")",
        e);
  }
}
