package dev.cairn.client.model;

import java.time.Instant;
import java.util.Map;

/**
 * An alias: which version each variant points at, its generation (one more per change), the
 * Kubernetes {@code ModelActivation} that owns it, if any, and who approved its current generation
 * ({@code approved_by}: given in the PUT, else the approver who made a protected change; null for
 * an unprotected change without one).
 */
public record Alias(
    String alias,
    Map<String, String> pointers,
    long generation,
    String managedBy,
    Instant updatedAt,
    String updatedBy,
    String reason,
    String approvedBy) {

  public Alias(
      String alias,
      Map<String, String> pointers,
      long generation,
      String managedBy,
      Instant updatedAt,
      String updatedBy,
      String reason) {
    this(alias, pointers, generation, managedBy, updatedAt, updatedBy, reason, null);
  }
}
