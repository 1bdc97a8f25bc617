package dev.cairn.operator.modelactivation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.cairn.operator.crd.Condition;
import java.util.List;
import java.util.Map;

/** What the operator observed and did for a ModelActivation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelActivationStatus(
    @JsonPropertyDescription("Pending, Activating, Active, Failed or Conflict.") String phase,
    @JsonPropertyDescription("The metadata.generation this status describes.")
        Long observedGeneration,
    @JsonPropertyDescription("Version per variant the alias points at now.")
        Map<String, String> active,
    @JsonPropertyDescription("Version per variant the alias pointed at before this activation.")
        Map<String, String> previous,
    @JsonPropertyDescription("Registry generation of the alias after this activation.")
        Long aliasGeneration,
    @JsonPropertyDescription("When the alias was set (RFC 3339).") String activatedAt,
    @JsonPropertyDescription(
            "Sidecar instances reporting the alias, and those serving the active versions.")
        ServingCount serving,
    @JsonPropertyDescription("VersionsReady, Activated and Serving conditions.")
        List<Condition> conditions) {}
