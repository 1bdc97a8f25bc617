package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a model as the API shows it: pinned files, content fields (immutable once not
 * PENDING), state. A view only: the server's transitions live in its own {@code VersionState} and
 * {@code VersionChange}. {@code signature} is null for an unsigned version (and in a stored row,
 * before the server adds the signature status); one constructor, one copy for the {@code withX}.
 */
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
    Instant readyAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) VersionSignature signature) {

  /** A version as it was before signatures (issue 28): unsigned. */
  public Version(
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
      Failure failure,
      Instant createdAt,
      String createdBy,
      Instant readyAt) {
    this(
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
        aliases,
        failure,
        createdAt,
        createdBy,
        readyAt,
        null);
  }

  public Version withFiles(List<VersionFile> newFiles) {
    return copy(List.copyOf(newFiles), aliases, signature);
  }

  public Version withAliases(List<String> newAliases) {
    return copy(files, List.copyOf(newAliases), signature);
  }

  /** This version with {@code newSignature} (null: unsigned). */
  public Version withSignature(VersionSignature newSignature) {
    return copy(files, aliases, newSignature);
  }

  /** The one copy: what the server adds to a stored row (files, aliases, signature) changes. */
  private Version copy(
      List<VersionFile> newFiles, List<String> newAliases, VersionSignature newSignature) {
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
        newFiles,
        metadata,
        provenance,
        validation,
        labels,
        notes,
        description,
        newAliases,
        failure,
        createdAt,
        createdBy,
        readyAt,
        newSignature);
  }

  /**
   * A version's state. A view of the wire names for callers that compare or send them; the server's
   * own enum owns the transitions.
   */
  public enum State {
    PENDING,
    READY,
    FAILED,
    ARCHIVED,
    DELETED;

    /** The name the API carries. */
    public String wire() {
      return name();
    }

    /** Whether {@code wire} (a state as the API returned it) is this state. */
    public boolean is(String wire) {
      return name().equals(wire);
    }
  }
}
