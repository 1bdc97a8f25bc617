package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Body of {@code POST …/aliases/{a}/rollback}; without {@code variants} all roll back. Without
 * {@code to_generation} the pointers go back to the previous generation's — so a second rollback
 * returns to where the first started, as {@code kubectl rollout undo} does; {@code to_generation}
 * names an earlier generation to go back to instead. {@code approved_by} names who approved it,
 * when not the caller, as on a PUT (only a caller with the approver role may name one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AliasRollback(
    List<String> variants, String reason, String managedBy, Long toGeneration, String approvedBy) {

  /** A rollback to {@code toGeneration}'s pointers (null: the previous generation's). */
  public AliasRollback(List<String> variants, String reason, String managedBy, Long toGeneration) {
    this(variants, reason, managedBy, toGeneration, null);
  }

  /** A rollback to the previous generation. */
  public AliasRollback(List<String> variants, String reason, String managedBy) {
    this(variants, reason, managedBy, null, null);
  }
}
