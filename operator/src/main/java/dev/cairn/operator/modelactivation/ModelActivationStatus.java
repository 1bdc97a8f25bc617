package dev.cairn.operator.modelactivation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.cairn.operator.crd.Condition;
import dev.cairn.operator.crd.Conditions;
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
    @JsonPropertyDescription(
            "Ready (the alias is set as asked; False with the reason, for example"
                + " SIGNATURE_REQUIRED, when it is not), VersionsReady, Activated and Serving"
                + " conditions.")
        List<Condition> conditions) {

  /** Before the operator has looked at the resource. */
  public static ModelActivationStatus initial() {
    return new ModelActivationStatus(null, null, null, null, null, null, null, List.of());
  }

  public ModelActivationStatus withPhase(ModelActivationPhase newPhase, long generation) {
    return new ModelActivationStatus(
        newPhase.wire(),
        generation,
        active,
        previous,
        aliasGeneration,
        activatedAt,
        serving,
        conditions);
  }

  public ModelActivationStatus withCondition(
      String type, boolean status, String reason, String message, long generation) {
    return new ModelActivationStatus(
        phase,
        observedGeneration,
        active,
        previous,
        aliasGeneration,
        activatedAt,
        serving,
        Conditions.set(conditions, type, status, reason, message, generation));
  }

  public ModelActivationStatus withActivation(
      Map<String, String> newActive,
      Map<String, String> newPrevious,
      long newAliasGeneration,
      String newActivatedAt) {
    return new ModelActivationStatus(
        phase,
        observedGeneration,
        newActive,
        newPrevious,
        newAliasGeneration,
        newActivatedAt,
        serving,
        conditions);
  }

  public ModelActivationStatus withServing(ServingCount newServing) {
    return new ModelActivationStatus(
        phase,
        observedGeneration,
        active,
        previous,
        aliasGeneration,
        activatedAt,
        newServing,
        conditions);
  }
}
