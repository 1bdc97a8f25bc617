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
    Instant readyAt) {}
