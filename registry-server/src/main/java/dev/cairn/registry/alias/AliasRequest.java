package dev.cairn.registry.alias;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a change asks of its alias, read from the request (and, for a rollback, the generation it
 * returns to): the part of {@link AliasFacts} that differs between PUT, rollback and DELETE.
 */
public sealed interface AliasRequest {

  /** The owner the request names ({@code managed_by}), or null. */
  String requestedOwner();

  /** The approver the request names ({@code approved_by}), or null. */
  String approvedBy();

  /** Why, as the request says. */
  String reason();

  /**
   * {@code PUT}: the pointers it names merged over the current ones; {@code release} gives the
   * alias up (it must name the owner).
   */
  record Put(
      Map<String, String> named,
      boolean release,
      String requestedOwner,
      String approvedBy,
      String reason)
      implements AliasRequest {}

  /**
   * {@code rollback}: {@code variants} set back to the pointers of {@code toGeneration} (null: the
   * previous one); {@code earlier} holds those pointers, empty when that generation does not exist.
   */
  record Rollback(
      Long toGeneration,
      List<String> variants,
      Optional<Map<String, String>> earlier,
      String requestedOwner,
      String approvedBy,
      String reason)
      implements AliasRequest {}

  /** {@code DELETE}: no owner may be named and nothing is proposed. */
  record Delete() implements AliasRequest {
    @Override
    public String requestedOwner() {
      return null;
    }

    @Override
    public String approvedBy() {
      return null;
    }

    @Override
    public String reason() {
      return null;
    }
  }
}
