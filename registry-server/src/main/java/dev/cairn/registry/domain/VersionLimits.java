package dev.cairn.registry.domain;

/**
 * How large one version may be (spec 40-security): at most {@link #MAX_FILES} files, and a
 * declaration large enough to list them all, so the JSON limit does not cap the file count first.
 */
public final class VersionLimits {

  /** Files of one version at most; one more is 400 {@code TOO_MANY_FILES}. */
  public static final int MAX_FILES = 10_000;

  /**
   * What a declaration may take per file beyond the JSON limit: a 512-byte path, its sha256, its
   * size, a uri and the import flag with their JSON punctuation fit in 1 KiB.
   */
  public static final long BYTES_PER_FILE = 1024;

  private VersionLimits() {}

  /** The largest version declaration when other JSON bodies are limited to {@code jsonLimit}. */
  public static long declarationBytes(long jsonLimit) {
    return jsonLimit + MAX_FILES * BYTES_PER_FILE;
  }

  /** 400 {@code TOO_MANY_FILES} when a version would have more than {@link #MAX_FILES} files. */
  public static void requireFileCount(long files) {
    if (files > MAX_FILES) {
      throw new ApiException(
          400,
          "TOO_MANY_FILES",
          "a version has at most " + MAX_FILES + " files; this one has " + files);
    }
  }
}
