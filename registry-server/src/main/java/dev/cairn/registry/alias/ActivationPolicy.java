package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every rule of spec 20-integrity-activation for one alias change, decided from facts alone: the
 * expected generation, the owner ({@code managed_by}), the role a protected alias needs, that each
 * newly pointed-at version is READY and of its variant, validation and separation of duties for
 * protected aliases (for the caller and for an approver it names), completeness, and the rate
 * limit. The recorded approver is the one named in {@code approved_by}, which only a caller with
 * the approver role may name (the caller stays the recorded actor); else, for a protected alias,
 * the caller. It reads no database: what it needs to look up (versions, recent writes) it asks
 * through functions, only when a rule needs it, so the service keeps one transaction and these
 * rules are unit-tested without a server.
 */
public final class ActivationPolicy {

  /** What a change knows before it is decided. */
  public record Facts(
      Model model,
      Policies policies,
      Caller caller,
      Alias current,
      Optional<Long> expectedGeneration,
      String requestedOwner,
      boolean release,
      String approvedBy,
      boolean rollback) {

    /** The facts of a PUT (not a rollback). */
    public Facts(
        Model model,
        Policies policies,
        Caller caller,
        Alias current,
        Optional<Long> expectedGeneration,
        String requestedOwner,
        boolean release,
        String approvedBy) {
      this(
          model,
          policies,
          caller,
          current,
          expectedGeneration,
          requestedOwner,
          release,
          approvedBy,
          false);
    }
  }

  /** The outcome: the new pointers and owner, who approved, and whether anything changes. */
  public record Decision(
      Map<String, String> pointers, String managedBy, String approvedBy, boolean unchanged) {}

  /**
   * Decides a PUT or rollback: {@code proposed} computes the new pointer set from the current alias
   * (it may refuse, e.g. a rollback with no earlier generation); {@code versions} finds a version
   * by name; {@code recentWrites} counts the alias's writes of the last minute.
   */
  public Decision decide(
      Facts facts,
      Function<Alias, Map<String, String>> proposed,
      Function<String, Version> versions,
      Supplier<AliasRepository.RecentWrites> recentWrites,
      Instant now) {
    Alias current = facts.current();
    AliasPreconditions.checkGeneration(facts.expectedGeneration(), current);
    AliasPreconditions.checkOwner(current, facts.requestedOwner());
    boolean isProtected = AliasRules.isProtected(facts.model(), current.alias());
    AliasRules.requireRole(facts.caller(), isProtected, current.alias());
    AliasRules.requireMayNameApprover(facts.caller(), facts.approvedBy());
    Map<String, String> next = AliasRepository.sorted(proposed.apply(current));
    for (Map.Entry<String, String> pointer : next.entrySet()) {
      if (Objects.equals(current.pointers().get(pointer.getKey()), pointer.getValue())) {
        continue;
      }
      Version target = versions.apply(pointer.getValue());
      AliasRules.requirePointable(facts.model(), pointer.getKey(), target);
      if (isProtected) {
        AliasRules.requireValidated(facts.policies(), pointer.getKey(), target);
        AliasRules.requireSeparateDuties(facts.policies(), facts.caller().actor().name(), target);
        if (facts.approvedBy() != null) {
          AliasRules.requireSeparateDuties(facts.policies(), facts.approvedBy(), target);
        }
      }
    }
    if (isProtected) {
      AliasRules.requireComplete(facts.model(), next);
    }
    // Released only after the owner check above passed: only the owner gives an alias up.
    String managedBy =
        facts.release() ? null : AliasPreconditions.newOwner(current, facts.requestedOwner());
    boolean unchanged =
        current.generation() > 0
            && next.equals(current.pointers())
            && Objects.equals(managedBy, current.managedBy());
    if (unchanged) {
      return new Decision(current.pointers(), current.managedBy(), null, true);
    }
    // A rollback restores an approved state: an emergency is never refused by the rate limit
    // (spec 20-integrity-activation; it is audited and counted like any write).
    if (isProtected && !facts.rollback()) {
      AliasRules.requireWithinRate(
          facts.policies().protectedAliasRatePerMinute(), recentWrites.get(), now);
    }
    String approvedBy =
        facts.approvedBy() != null
            ? facts.approvedBy()
            : isProtected ? facts.caller().actor().name() : null;
    return new Decision(next, managedBy, approvedBy, false);
  }

  /** Decides a DELETE: the expected generation, no owner, and the role the alias needs. */
  public void decideDelete(Facts facts) {
    AliasPreconditions.checkGeneration(facts.expectedGeneration(), facts.current());
    AliasPreconditions.checkOwner(facts.current(), null);
    AliasRules.requireRole(
        facts.caller(),
        AliasRules.isProtected(facts.model(), facts.current().alias()),
        facts.current().alias());
  }
}
