package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import java.util.Map;

/** What {@link AliasPolicy} decided: nothing to write, a new generation, or the alias's removal. */
public sealed interface AliasDecision {

  /** The alias as the caller is answered: unchanged, the new generation, or the removed one. */
  Alias answer();

  default Map<String, String> pointers() {
    return answer().pointers();
  }

  default String managedBy() {
    return answer().managedBy();
  }

  /** The recorded approver of a new generation; null when nothing is written. */
  default String approvedBy() {
    return this instanceof Write ? answer().approvedBy() : null;
  }

  default boolean unchanged() {
    return this instanceof Unchanged;
  }

  /** The request changes nothing (same pointers, same owner): no write, no audit, no event. */
  record Unchanged(Alias answer) implements AliasDecision {}

  /** The next generation, recorded under {@code action} ({@code ALIAS_UPDATE}, …). */
  record Write(Alias answer, String action) implements AliasDecision {}

  /** The alias goes away. */
  record Remove(Alias answer) implements AliasDecision {}
}
