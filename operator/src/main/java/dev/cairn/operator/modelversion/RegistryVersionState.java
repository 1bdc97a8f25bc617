package dev.cairn.operator.modelversion;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the registry says about the version. */
public record RegistryVersionState(
    @JsonPropertyDescription("Version name in the registry.") String version,
    @JsonPropertyDescription("Registry state: PENDING, READY, FAILED or ARCHIVED.") String state) {}
