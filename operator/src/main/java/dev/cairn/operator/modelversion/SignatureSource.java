package dev.cairn.operator.modelversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a ModelVersion's OMS v1.0 signature ({@code model.sig}, a Sigstore bundle) is: exactly one
 * of the four. The operator verifies it against the project's trust policy and the files' pinned
 * SHA-256 before it registers anything, then attaches it to the registry version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "[has(self.inline), has(self.configMapRef), has(self.secretRef), has(self.uri)]"
            + ".filter(x, x).size() == 1",
    message = "exactly one of inline, configMapRef, secretRef or uri")
public record SignatureSource(
    // A Kubernetes object is at most about 1.5 MiB; larger bundles come from a uri.
    @Size(max = 1048576) @JsonPropertyDescription("The bundle's JSON text itself (at most 1 MiB).")
        String inline,
    @JsonPropertyDescription("A key of a ConfigMap in the same namespace holding the bundle.")
        ResourceKeyRef configMapRef,
    @JsonPropertyDescription("A key of a Secret in the same namespace holding the bundle.")
        ResourceKeyRef secretRef,
    @JsonPropertyDescription(
            "Where to fetch the bundle, like the files' sources (s3://, https://, http://, file://;"
                + " the same credentialsSecret), for example beside the artifact.")
        String uri) {

  /** Which of the four fields are set; a valid source names exactly one. */
  List<String> given() {
    List<String> set = new ArrayList<>();
    if (inline != null) {
      set.add("inline");
    }
    if (configMapRef != null) {
      set.add("configMapRef");
    }
    if (secretRef != null) {
      set.add("secretRef");
    }
    if (uri != null) {
      set.add("uri");
    }
    return set;
  }
}
