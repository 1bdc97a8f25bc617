package dev.cairn.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A status condition in the Kubernetes convention. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
    @JsonPropertyDescription(
            "Kind of condition, for example Ready, ChecksumVerified, Activated, Serving.")
        String type,
    @JsonPropertyDescription("True, False or Unknown.") String status,
    @JsonPropertyDescription("One CamelCase word saying why, for example ChecksumMismatch.")
        String reason,
    @JsonPropertyDescription("Human-readable detail, for example the expected and actual digests.")
        String message,
    @JsonPropertyDescription(
            "When the status last changed (RFC 3339); kept while it does not change.")
        String lastTransitionTime,
    @JsonPropertyDescription("The metadata.generation this condition was computed for.")
        Long observedGeneration) {}
