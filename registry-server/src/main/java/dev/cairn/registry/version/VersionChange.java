package dev.cairn.registry.version;

import dev.cairn.client.model.Failure;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import java.time.Instant;
import java.util.Map;

/**
 * The next row of a version for each change the server makes to it; the state moves only through
 * {@link VersionState}'s transitions, which refuse an illegal one. The wire record ({@link
 * Version}) stays a view.
 */
public final class VersionChange {

  private VersionChange() {}

  /** The editable fields changed, and the state moved by hand ({@code PATCH}). */
  public static Version edited(
      Version v, VersionState state, Map<String, String> labels, String notes, String description) {
    return new Version(
        v.id(),
        v.model(),
        v.version(),
        v.variant(),
        state.wire(),
        v.format(),
        v.runtime(),
        v.digest(),
        v.sizeBytes(),
        v.files(),
        v.metadata(),
        v.provenance(),
        v.validation(),
        labels,
        notes,
        description,
        v.aliases(),
        v.failure(),
        v.createdAt(),
        v.createdBy(),
        v.readyAt());
  }

  /**
   * Completed: READY with its digest at {@code at}, or FAILED with {@code failed} when validation
   * did not pass; 409 {@code VERSION_NOT_PENDING} unless it was PENDING.
   */
  public static Version completed(
      Version v, String digest, long size, Validation result, Failure failed, Instant at) {
    VersionState now = VersionState.of(v);
    VersionState next =
        failed == null ? now.complete(v.version()) : failedOnCompletion(now, v.version());
    return new Version(
        v.id(),
        v.model(),
        v.version(),
        v.variant(),
        next.wire(),
        v.format(),
        v.runtime(),
        digest,
        size,
        v.files(),
        v.metadata(),
        v.provenance(),
        result,
        v.labels(),
        v.notes(),
        v.description(),
        v.aliases(),
        failed,
        v.createdAt(),
        v.createdBy(),
        failed == null ? at : null);
  }

  /** READY again after a failure on its bytes, with the validation that cleared it. */
  public static Version recovered(Version v, Validation result) {
    return judged(v, VersionState.of(v).recover(), null, result);
  }

  /** FAILED for {@code failed}, with the validation that found it. */
  public static Version failed(Version v, Failure failed, Validation result) {
    return judged(v, VersionState.of(v).fail(), failed, result);
  }

  /** A completion that fails is still a completion: only a PENDING version has one. */
  private static VersionState failedOnCompletion(VersionState now, String version) {
    now.complete(version);
    return now.fail();
  }

  private static Version judged(Version v, VersionState state, Failure failure, Validation result) {
    return new Version(
        v.id(),
        v.model(),
        v.version(),
        v.variant(),
        state.wire(),
        v.format(),
        v.runtime(),
        v.digest(),
        v.sizeBytes(),
        v.files(),
        v.metadata(),
        v.provenance(),
        result,
        v.labels(),
        v.notes(),
        v.description(),
        v.aliases(),
        failure,
        v.createdAt(),
        v.createdBy(),
        v.readyAt());
  }
}
