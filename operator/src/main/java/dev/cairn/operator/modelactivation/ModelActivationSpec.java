package dev.cairn.operator.modelactivation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/** Which versions an alias of a registry model should point at, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelActivationSpec(
    @JsonPropertyDescription("Registry project; defaults to the namespace of the resource.")
        String project,
    @Required @JsonPropertyDescription("Registry model whose alias is set.") String model,
    @Default("production")
        @JsonPropertyDescription("Alias to set; default production (a protected alias).")
        String alias,
    @JsonPropertyDescription("Version per variant, for example {LOW: v3, MID: v3, HIGH: v4}.")
        Map<String, String> versions,
    @JsonPropertyDescription("The one version of a single-variant model (instead of versions).")
        String version,
    @JsonPropertyDescription("Why this activation happens; recorded in the registry's audit log.")
        String reason,
    @JsonPropertyDescription("Who approved it; recorded in the registry's audit log.")
        String approvedBy) {

  /** The registry project: {@code project}, or the resource's namespace when it is not set. */
  public String projectOr(String namespace) {
    return project == null || project.isBlank() ? namespace : project;
  }

  /** The alias, {@code production} when it is not set. */
  public String aliasOrDefault() {
    return alias == null || alias.isBlank() ? "production" : alias;
  }
}
