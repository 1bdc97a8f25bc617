package dev.cairn.registry.artifact;

import dev.cairn.client.model.VersionFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Logger;

/**
 * Fetches one reference file and checks its pinned sha256 and size while it streams; the bytes are
 * never stored. Shared by completion (a declared version's references) and {@link
 * ReferencePublisher} (references checked before the version is declared).
 */
final class ReferenceCheck {

  private static final Logger LOG = Logger.getLogger(ReferenceCheck.class.getName());

  private ReferenceCheck() {}

  /**
   * Whether the bytes at {@code f}'s URI are the declared ones; 422 {@code SOURCE_UNAVAILABLE} when
   * they cannot be read. {@code of} names the version in the log.
   */
  static boolean matches(ReferenceFetcher references, VersionFile f, String of) {
    StreamDigest digest;
    try (InputStream in = references.open(f.uri())) {
      digest = StreamDigest.of(in, f.sizeBytes());
    } catch (IOException e) {
      // One answer for every failure (refused address, closed port, timeout, 404): no oracle
      // for what lies behind the registry. The log says which.
      LOG.warning("reference " + f.uri() + " of " + of + ": " + e);
      throw ReferenceAnswers.unavailable(f.path());
    }
    if (digest.matches(f.sha256(), f.sizeBytes())) {
      return true;
    }
    // The caller chose the URI: telling it the digest and size found there would let it read any
    // document it can point at. The log has them.
    LOG.warning(
        "reference "
            + f.uri()
            + " of "
            + of
            + " is "
            + (digest.overLimit() ? "over " + f.sizeBytes() + " bytes" : digest.sha256())
            + " ("
            + digest.size()
            + " bytes), declared "
            + f.sha256());
    return false;
  }
}
