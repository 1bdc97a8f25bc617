package dev.cairn.client.model;

import java.time.Instant;
import java.util.Map;

/** A live serving report, as {@code GET …/instances} lists it. */
public record Instance(
    String id,
    String model,
    String alias,
    Long generation,
    Map<String, LoadedVersion> loaded,
    String state,
    String lastError,
    String pod,
    String node,
    Instant reportedAt,
    Instant expiresAt) {}
