package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import dev.cairn.registry.domain.ApiException;
import java.util.Optional;

/**
 * The conditions a change states about the alias it changes: the generation it expects ({@code
 * If-Match} or {@code expected_generation}) and, for a managed alias, its owner.
 */
final class AliasPreconditions {

  private AliasPreconditions() {}

  /**
   * The expected generation, from the header or the body (which must agree when both are given).
   */
  static Optional<Long> expected(AliasService.Conditions conditions, Long fromBody) {
    if (conditions.expectedGeneration().isPresent()
        && fromBody != null
        && !conditions.expectedGeneration().get().equals(fromBody)) {
      throw ApiException.badRequest("If-Match and expected_generation disagree");
    }
    return conditions.expectedGeneration().or(() -> Optional.ofNullable(fromBody));
  }

  /** 412 with the current alias when the generation is not the expected one. */
  static void checkGeneration(Optional<Long> expected, Alias current) {
    if (expected.isPresent() && expected.get() != current.generation()) {
      throw new ApiException(
              412,
              "PRECONDITION_FAILED",
              "alias '"
                  + current.alias()
                  + "' is at generation "
                  + current.generation()
                  + ", not "
                  + expected.get())
          .with("current", current.generation() == 0 ? null : current);
    }
  }

  /**
   * An alias a {@code ModelActivation} manages changes only through that owner (the request names
   * it in {@code managed_by}); an unmanaged alias is claimed by naming an owner.
   */
  static void checkOwner(Alias current, String requestedOwner) {
    String owner = current.managedBy();
    if (owner != null && !owner.equals(requestedOwner)) {
      throw ApiException.conflict(
              "ALIAS_MANAGED", "alias '" + current.alias() + "' is managed by " + owner)
          .with("managed_by", owner);
    }
  }

  static String newOwner(Alias current, String requested) {
    return requested == null ? current.managedBy() : requested;
  }
}
