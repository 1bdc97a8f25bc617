package dev.cairn.operator.modelactivation;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How many inference sidecars report the alias, and how many serve its target versions. */
public record ServingCount(
    @JsonPropertyDescription("Live sidecar instances reporting this alias.") Integer instances,
    @JsonPropertyDescription("Of those, the instances serving exactly the active versions.")
        Integer onTarget) {}
