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
    Next next = new Next(v, state);
    next.labels = labels;
    next.notes = notes;
    next.description = description;
    return next.row();
  }

  /**
   * Completed: READY with its digest at {@code at}, or FAILED with {@code failed} when validation
   * did not pass; 409 {@code VERSION_NOT_PENDING} unless it was PENDING.
   */
  public static Version completed(
      Version v, String digest, long size, Validation result, Failure failed, Instant at) {
    VersionState now = VersionState.of(v);
    Next next =
        new Next(
            v, failed == null ? now.complete(v.version()) : failedOnCompletion(now, v.version()));
    next.digest = digest;
    next.size = size;
    next.validation = result;
    next.failure = failed;
    next.readyAt = failed == null ? at : null;
    return next.row();
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
    Next next = new Next(v, state);
    next.validation = result;
    next.failure = failure;
    return next.row();
  }

  /**
   * The one place the next row is built: every field starts as {@code v} has it, and a change sets
   * only the fields it changes, so no change can drop one by listing the constructor out of order.
   */
  private static final class Next {
    private final Version v;
    private final VersionState state;
    private String digest;
    private Long size;
    private Validation validation;
    private Map<String, String> labels;
    private String notes;
    private String description;
    private Failure failure;
    private Instant readyAt;

    private Next(Version v, VersionState state) {
      this.v = v;
      this.state = state;
      this.digest = v.digest();
      this.size = v.sizeBytes();
      this.validation = v.validation();
      this.labels = v.labels();
      this.notes = v.notes();
      this.description = v.description();
      this.failure = v.failure();
      this.readyAt = v.readyAt();
    }

    private Version row() {
      return new Version(
          v.id(),
          v.model(),
          v.version(),
          v.variant(),
          state.wire(),
          v.format(),
          v.runtime(),
          digest,
          size,
          v.files(),
          v.metadata(),
          v.provenance(),
          validation,
          labels,
          notes,
          description,
          v.aliases(),
          failure,
          v.createdAt(),
          v.createdBy(),
          readyAt,
          // The next row, unsigned like every row: SignatureStatus adds the signature to the view.
          null);
    }
  }
}
