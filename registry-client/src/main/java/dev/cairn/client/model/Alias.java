package dev.cairn.client.model;

import java.time.Instant;
import java.util.Map;

/**
 * An alias: which version each variant points at, its generation (one more per change), and the
 * Kubernetes {@code ModelActivation} that owns it, if any.
 */
public record Alias(
    String alias,
    Map<String, String> pointers,
    long generation,
    String managedBy,
    Instant updatedAt,
    String updatedBy,
    String reason) {}
