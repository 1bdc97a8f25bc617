package dev.cairn.client.model;

import java.time.Instant;
import java.util.Map;

/** One generation of an alias, as {@code …/history} lists them newest first. */
public record AliasHistoryEntry(
    long generation,
    Map<String, String> pointers,
    String action,
    Instant at,
    String actor,
    String reason,
    String approvedBy,
    String requestId) {}
