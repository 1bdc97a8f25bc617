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
          default ->
              "CHECKSUM_MISMATCH".equals(e.code()) ? ExitCode.DIGEST_MISMATCH : ExitCode.REFUSED;
        };
    return new InitFailure(
        code,
        e.status()
            + " "
            + e.code()
            + (e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail())
            + " ("
            + uri
            + ")",
        e);
  }
}
