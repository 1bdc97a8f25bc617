package dev.cairn.registry.artifact;

import dev.cairn.registry.blob.StagedBlob;
import dev.cairn.registry.domain.ApiException;

/** Staged bytes against what was promised for them: 400 {@code CHECKSUM_MISMATCH} when not. */
final class DigestChecks {

  private DigestChecks() {}

  /** Against {@code X-Checksum-Sha256}: the digest alone. */
  static void requireMatch(String path, String announcedSha, StagedBlob staged) {
    if (!announcedSha.equals(staged.sha256())) {
      throw mismatch(
              "'"
                  + path
                  + "': X-Checksum-Sha256 says "
                  + announcedSha
                  + ", the bytes hash to "
                  + staged.sha256())
          .with("expected", announcedSha)
          .with("actual", staged.sha256());
    }
  }

  /** Against a declaration: digest and size. */
  static void requireMatch(String path, String declaredSha, long declaredSize, StagedBlob staged) {
    if (!declaredSha.equalsIgnoreCase(staged.sha256()) || declaredSize != staged.size()) {
      throw mismatch(
              "'"
                  + path
                  + "' was declared as "
                  + declaredSha
                  + " ("
                  + declaredSize
                  + " bytes); the bytes are "
                  + staged.sha256()
                  + " ("
                  + staged.size()
                  + " bytes)")
          .with("expected", declaredSha)
          .with("actual", staged.sha256());
    }
  }

  static ApiException mismatch(String detail) {
    return new ApiException(400, "CHECKSUM_MISMATCH", detail);
  }
}
