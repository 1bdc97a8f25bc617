package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Per-project rules (spec 40-security). In a request, absent members keep their current value; in a
 * response every member is filled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Policies(
    Boolean separationOfDuties, Integer protectedAliasRatePerMinute, Boolean requireValidation) {

  /** The defaults a new project starts with. */
  public static Policies defaults() {
    return new Policies(false, 3, true);
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
        other.requireValidation != null ? other.requireValidation : requireValidation);
  }
}
