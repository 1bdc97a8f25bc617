package dev.cairn.operator.modelactivation;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How many inference sidecars report the alias, and how many serve its target versions. */
public record ServingCount(
    @JsonPropertyDescription("Live sidecar instances reporting this alias.") Integer instances,
    @JsonPropertyDescription("Of those, the instances serving exactly the active versions.")
        Integer onTarget,
    @JsonPropertyDescription(
            "onTarget/instances, e.g. 2/2: the Serving column of kubectl get modelactivation.")
        String ready) {

  /** The count with its {@code ready} text. */
  public static ServingCount of(int instances, int onTarget) {
    return new ServingCount(instances, onTarget, onTarget + "/" + instances);
  }
}
