package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Per-project rules (spec 40-security). In a request, absent members keep their current value; in a
 * response every member is filled. {@code requireSignature} (issue 28): protected aliases point
 * only at versions with a signature the project's trust policy trusts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Policies(
    Boolean separationOfDuties,
    Integer protectedAliasRatePerMinute,
    Boolean requireValidation,
    Boolean requireSignature) {

  /** The policies before issue 28; {@code require_signature} is left as it is. */
  public Policies(
      Boolean separationOfDuties, Integer protectedAliasRatePerMinute, Boolean requireValidation) {
    this(separationOfDuties, protectedAliasRatePerMinute, requireValidation, null);
  }

  /** The defaults a new project starts with. */
  public static Policies defaults() {
    return new Policies(false, 3, true, false);
  }

  /** These policies with every member {@code other} sets replaced. */
  public Policies merge(Policies other) {
    if (other == null) {
      return this;
    }
    return new Policies(
        other.separationOfDuties != null ? other.separationOfDuties : separationOfDuties,
        other.protectedAliasRatePerMinute != null
            ? other.protectedAliasRatePerMinute
            : protectedAliasRatePerMinute,
        other.requireValidation != null ? other.requireValidation : requireValidation,
        other.requireSignature != null ? other.requireSignature : requireSignature);
  }

  /** Whether protected aliases need a trusted signature (absent: no). */
  public boolean signatureRequired() {
    return Boolean.TRUE.equals(requireSignature);
  }
}
