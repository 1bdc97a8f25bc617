package dev.cairn.client.model;

/** Result of recomputing the audit chain; {@code first_invalid_seq} is null when it holds. */
public record AuditVerification(long entries, boolean valid, Long firstInvalidSeq) {}
