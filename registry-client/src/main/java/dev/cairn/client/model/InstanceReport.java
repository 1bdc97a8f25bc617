package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Body of {@code PUT …/instances/{id}}: what a sidecar serves. The report expires after {@code
 * ttl_seconds} (default 30) unless renewed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstanceReport(
    String model,
    String alias,
    Long generation,
    Map<String, LoadedVersion> loaded,
    String state,
    String lastError,
    String pod,
    String node,
    Integer ttlSeconds) {}
