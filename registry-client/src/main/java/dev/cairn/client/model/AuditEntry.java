package dev.cairn.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** One link of the hash-chained audit log. */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    List<String> roles,
    String action,
    String project,
    String model,
    String target,
    JsonNode before,
    JsonNode after,
    String reason,
    String approvedBy,
    String requestId,
    String prevHash,
    String hash) {}
