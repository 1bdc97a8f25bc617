package dev.cairn.registry.artifact;

import dev.cairn.registry.domain.ApiException;

/**
 * What callers are told about a reference that failed (spec 40-security: no port-scanning oracle,
 * no digest oracle): the same words whatever went wrong; the server log has the details.
 */
final class ReferenceAnswers {

  private ReferenceAnswers() {}

  /** 422 {@code SOURCE_UNAVAILABLE}, one message for every fetch failure. */
  static ApiException unavailable(String path) {
    return new ApiException(
        422,
        "SOURCE_UNAVAILABLE",
        "'"
            + path
            + "' could not be fetched from its reference; the version stays PENDING, complete"
            + " again to retry");
  }

  /** The detail of a reference whose bytes are not the declared ones: no digest, no size. */
  static String mismatch(String path) {
    return "'" + path + "' at its reference does not match the declared sha256 and size_bytes";
  }
}
