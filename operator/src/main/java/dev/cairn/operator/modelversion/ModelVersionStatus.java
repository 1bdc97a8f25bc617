package dev.cairn.operator.modelversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.cairn.operator.crd.Condition;
import dev.cairn.operator.crd.Conditions;
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
            "ChecksumVerified, Signed (only when spec.signature is given; False with the"
                + " SIGNATURE_* code as reason), Registered, Ready, SpecImmutable and"
                + " DeletionBlocked conditions.")
        List<Condition> conditions) {

  /** Before the operator has looked at the resource. */
  public static ModelVersionStatus initial() {
    return new ModelVersionStatus(null, null, null, null, null, List.of());
  }

  public ModelVersionStatus withPhase(ModelVersionPhase newPhase, long generation) {
    return new ModelVersionStatus(
        newPhase.wire(), generation, digest, sizeBytes, registry, conditions);
  }

  public ModelVersionStatus withCondition(
      String type, boolean status, String reason, String message, long generation) {
    return new ModelVersionStatus(
        phase,
        observedGeneration,
        digest,
        sizeBytes,
        registry,
        Conditions.set(conditions, type, status, reason, message, generation));
  }

  public ModelVersionStatus withoutCondition(String type) {
    return new ModelVersionStatus(
        phase,
        observedGeneration,
        digest,
        sizeBytes,
        registry,
        Conditions.remove(conditions, type));
  }

  public ModelVersionStatus withRegistry(
      String newDigest, Long newSizeBytes, RegistryVersionState newRegistry) {
    return new ModelVersionStatus(
        phase, observedGeneration, newDigest, newSizeBytes, newRegistry, conditions);
  }
}
