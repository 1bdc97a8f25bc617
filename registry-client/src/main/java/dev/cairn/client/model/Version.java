package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One version of a model: pinned files, content fields (immutable once not PENDING), state. */
public record Version(
    String id,
    String model,
    String version,
    String variant,
    String state,
    String format,
    RuntimeRequirement runtime,
    String digest,
    Long sizeBytes,
    List<VersionFile> files,
    Map<String, Object> metadata,
    Map<String, Object> provenance,
    Validation validation,
    Map<String, String> labels,
    String notes,
    String description,
    List<String> aliases,
    @JsonInclude(JsonInclude.Include.NON_NULL) Failure failure,
    Instant createdAt,
    String createdBy,
    Instant readyAt) {

  public Version withFiles(List<VersionFile> newFiles) {
    return new Version(
        id,
        model,
        version,
        variant,
        state,
        format,
        runtime,
        digest,
        sizeBytes,
        List.copyOf(newFiles),
        metadata,
        provenance,
        validation,
        labels,
        notes,
        description,
        aliases,
        failure,
        createdAt,
        createdBy,
        readyAt);
  }

  public Version withAliases(List<String> newAliases) {
    return new Version(
        id,
        model,
        version,
        variant,
        state,
        format,
        runtime,
        digest,
        sizeBytes,
        files,
        metadata,
        provenance,
        validation,
        labels,
        notes,
        description,
        List.copyOf(newAliases),
        failure,
        createdAt,
        createdBy,
        readyAt);
  }

  /** The editable fields and state changed; content stays as it is. */
  public Version edited(
      String newState, Map<String, String> newLabels, String newNotes, String newDescription) {
    return new Version(
        id,
        model,
        version,
        variant,
        newState,
        format,
        runtime,
        digest,
        sizeBytes,
        files,
        metadata,
        provenance,
        validation,
        newLabels,
        newNotes,
        newDescription,
        aliases,
        failure,
        createdAt,
        createdBy,
        readyAt);
  }

  /** READY with its digest, or FAILED with {@code failure} when validation did not pass. */
  public Version completed(
      String newDigest, long newSize, Validation result, Failure failed, Instant at) {
    return new Version(
        id,
        model,
        version,
        variant,
        failed == null ? "READY" : "FAILED",
        format,
        runtime,
        newDigest,
        newSize,
        files,
        metadata,
        provenance,
        result,
        labels,
        notes,
        description,
        aliases,
        failed,
        createdAt,
        createdBy,
        failed == null ? at : null);
  }

  /** READY again after a failure on its bytes, with the validation that cleared it. */
  public Version recovered(Validation result) {
    return judged("READY", null, result);
  }

  /** FAILED for {@code failed}, with the validation that found it. */
  public Version failed(Failure failed, Validation result) {
    return judged("FAILED", failed, result);
  }

  /** This version in {@code newState} with the failure and validation that put it there. */
  private Version judged(String newState, Failure newFailure, Validation result) {
    return new Version(
        id,
        model,
        version,
        variant,
        newState,
        format,
        runtime,
        digest,
        sizeBytes,
        files,
        metadata,
        provenance,
        result,
        labels,
        notes,
        description,
        aliases,
        newFailure,
        createdAt,
        createdBy,
        readyAt);
  }
}
