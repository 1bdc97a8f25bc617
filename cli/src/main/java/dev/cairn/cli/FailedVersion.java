package dev.cairn.cli;

import dev.cairn.client.model.Failure;
import dev.cairn.client.model.Version;

/**
 * A version the registry answered FAILED ends its command as a failure: its failure code and detail
 * on stderr, exit 3 when its bytes failed their digest, else 2 (the registry refused it).
 */
final class FailedVersion {

  private FailedVersion() {}

  /** Returns quietly unless {@code version} is FAILED. */
  static void check(Version version) {
    if (!Version.State.FAILED.is(version.state())) {
      return;
    }
    Failure failure = version.failure();
    String code =
        failure == null || isBlank(failure.code()) ? Version.State.FAILED.wire() : failure.code();
    String detail = failure == null || isBlank(failure.detail()) ? "" : ": " + failure.detail();
    throw new ExitCodes.Failure(
        "CHECKSUM_MISMATCH".equals(code) ? ExitCodes.INTEGRITY : ExitCodes.REFUSED,
        code + ": " + version.model() + ":" + version.version() + " is FAILED" + detail);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
