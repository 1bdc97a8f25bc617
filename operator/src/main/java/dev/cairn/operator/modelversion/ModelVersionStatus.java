package dev.cairn.operator.modelversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.cairn.operator.crd.Condition;
import java.util.List;

/** What the operator observed and did for a ModelVersion. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionStatus(
    @JsonPropertyDescription("Pending, Verifying, Verified or Failed.") String phase,
    @JsonPropertyDescription("The metadata.generation this status describes.")
        Long observedGeneration,
    @JsonPropertyDescription("Registry digest of the version: sha256 of its canonical manifest.")
        String digest,
    @JsonPropertyDescription("Total size of the files in bytes.") Long sizeBytes,
    @JsonPropertyDescription("The version as the registry holds it.") RegistryVersionState registry,
    @JsonPropertyDescription(
            "ChecksumVerified, Registered, Ready, SpecImmutable and DeletionBlocked conditions.")
        List<Condition> conditions) {}
