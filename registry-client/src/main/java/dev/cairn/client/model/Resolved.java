package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code GET …/resolve}: what a reference names right now — the alias and its generation (null for
 * {@code model:version}), the variant, the version and its manifest with download URLs. With {@code
 * verify=true}, {@code verified_at} says when the bytes were re-hashed (absent otherwise).
 */
@JsonIgnoreProperties(value = "signature", allowGetters = true)
public record Resolved(
    String ref,
    String model,
    String alias,
    Long generation,
    String variant,
    Version version,
    Manifest manifest,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant verifiedAt) {

  public Resolved(
      String ref,
      String model,
      String alias,
      Long generation,
      String variant,
      Version version,
      Manifest manifest) {
    this(ref, model, alias, generation, variant, version, manifest, null);
  }

  /**
   * The version's signature (issue 28), also at the top level of the answer: {@code trusted} under
   * the project's current trust policy, null when unsigned.
   */
  @JsonProperty("signature")
  public VersionSignature signature() {
    return version == null ? null : version.signature();
  }

  /** This resolution, verified at {@code at}. */
  public Resolved verified(Instant at) {
    return new Resolved(ref, model, alias, generation, variant, version, manifest, at);
  }
}
