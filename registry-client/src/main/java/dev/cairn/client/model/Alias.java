package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * An alias: which version each variant points at, its generation (one more per change), the
 * Kubernetes {@code ModelActivation} that owns it, if any, and who approved its current generation
 * ({@code approved_by}: given in the PUT, else the approver who made a protected change; null for
 * an unprotected change without one). {@code GET …/aliases/{a}} adds {@code signature}: per
 * variant, whether the version it points at is {@code trusted}, {@code untrusted} or {@code
 * unsigned} under the project's current trust policy (issue 28).
 */
public record Alias(
    String alias,
    Map<String, String> pointers,
    long generation,
    String managedBy,
    Instant updatedAt,
    String updatedBy,
    String reason,
    String approvedBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> signature) {

  public Alias(
      String alias,
      Map<String, String> pointers,
      long generation,
      String managedBy,
      Instant updatedAt,
      String updatedBy,
      String reason,
      String approvedBy) {
    this(alias, pointers, generation, managedBy, updatedAt, updatedBy, reason, approvedBy, null);
  }

  public Alias(
      String alias,
      Map<String, String> pointers,
      long generation,
      String managedBy,
      Instant updatedAt,
      String updatedBy,
      String reason) {
    this(alias, pointers, generation, managedBy, updatedAt, updatedBy, reason, null, null);
  }

  /** This alias with the signature status of each pointer. */
  public Alias withSignature(Map<String, String> status) {
    return new Alias(
        alias,
        pointers,
        generation,
        managedBy,
        updatedAt,
        updatedBy,
        reason,
        approvedBy,
        status == null ? null : Map.copyOf(status));
  }
}
