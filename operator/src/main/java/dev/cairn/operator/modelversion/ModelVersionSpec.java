package dev.cairn.operator.modelversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/** What a ModelVersion publishes: a version of a registry model with digest-pinned files. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionSpec(
    @JsonPropertyDescription("Registry project; defaults to the namespace of the resource.")
        String project,
    @Required @JsonPropertyDescription("Registry model the version belongs to.") String model,
    @Required @JsonPropertyDescription("Version name in the registry, for example v3.")
        String version,
    @Default("default")
        @JsonPropertyDescription(
            "Variant (mode) of the model this version serves, for example LOW; default 'default'.")
        String variant,
    @JsonPropertyDescription(
            "Variants of the model, used only when the operator creates the model in the registry"
                + " (default: the variants of this model's ModelVersions in the namespace).")
        List<String> modelVariants,
    @JsonPropertyDescription("Format of the files: onnx, color-signature or generic.")
        String format,
    @Required
        @Size(min = 1, max = 10000)
        @JsonPropertyDescription(
            "Files of the version, each with its source URI and pinned SHA-256.")
        List<FileSource> files,
    @JsonPropertyDescription(
            "Name of a Secret in the same namespace with credentials for the sources (for example AWS keys).")
        String credentialsSecret,
    @JsonPropertyDescription("Free text shown in the registry.") String description,
    @JsonPropertyDescription("String key/values stored with the version in the registry.")
        Map<String, String> metadata,
    @JsonPropertyDescription(
            "OpenSSF Model Signing v1.0 signature of the files (model.sig): verified against the"
                + " project's trust policy before registration and attached to the version;"
                + " condition Signed reports it.")
        SignatureSource signature) {

  /** The registry project: {@code project}, or the resource's namespace when it is not set. */
  public String projectOr(String namespace) {
    return project == null || project.isBlank() ? namespace : project;
  }

  /** The variant, {@code default} when it is not set. */
  public String variantOrDefault() {
    return variant == null || variant.isBlank() ? "default" : variant;
  }
}
