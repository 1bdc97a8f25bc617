package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Version;
import dev.cairn.registry.domain.ApiException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every rule of spec 20-integrity-activation for one alias change, decided from {@link AliasFacts}
 * alone: the expected generation, the owner ({@code managed_by}), the role a protected alias needs,
 * that each newly pointed-at version is READY and of its variant, validation and separation of
 * duties for protected aliases (for the caller and for an approver it names), completeness, and the
 * rate limit. The recorded approver is the one named in {@code approved_by}, which only a caller
 * with the approver role may name (the caller stays the recorded actor); else, for a protected
 * alias, the caller. It reads no database and takes no callbacks: unit-tested with plain values.
 */
public final class AliasPolicy {

  private AliasPolicy() {}

  /** Decides a PUT or rollback: unchanged, or the next generation to write. */
  public static AliasDecision decide(AliasFacts facts) {
    Alias current = facts.before();
    AliasRequest request = facts.request();
    AliasPreconditions.checkGeneration(facts.expectedGeneration(), current);
    AliasPreconditions.checkOwner(current, request.requestedOwner());
    boolean isProtected = AliasRules.isProtected(facts.model(), current.alias());
    AliasRules.requireRole(facts.caller(), isProtected, current.alias());
    AliasRules.requireMayNameApprover(facts.caller(), request.approvedBy());
    Map<String, String> next = AliasRepository.sorted(PointerProposals.required(current, request));
    for (Map.Entry<String, String> pointer : next.entrySet()) {
      if (Objects.equals(current.pointers().get(pointer.getKey()), pointer.getValue())) {
        continue;
      }
      Version target = target(facts, pointer.getValue());
      AliasRules.requirePointable(facts.model(), pointer.getKey(), target);
      if (isProtected) {
        AliasRules.requireValidated(facts.policies(), pointer.getKey(), target);
        AliasRules.requireSigned(facts.policies(), pointer.getKey(), target);
        String caller = facts.caller().actor().name();
        AliasRules.requireSeparateDuties(facts.policies(), caller, target);
        if (request.approvedBy() != null) {
          AliasRules.requireSeparateDuties(facts.policies(), request.approvedBy(), target);
        }
      }
    }
    if (isProtected) {
      AliasRules.requireComplete(facts.model(), next);
    }
    if (!changes(current, next, request)) {
      return new AliasDecision.Unchanged(current);
    }
    if (rateLimited(facts.model(), facts.policies(), current, request)) {
      AliasRules.requireWithinRate(
          facts.policies().protectedAliasRatePerMinute(),
          facts
              .recentWrites()
              .orElseThrow(() -> new IllegalStateException("facts lack the recent writes")),
          facts.now());
    }
    String approvedBy =
        request.approvedBy() != null
            ? request.approvedBy()
            : isProtected ? facts.caller().actor().name() : null;
    Alias after =
        new Alias(
            current.alias(),
            next,
            current.generation() + 1,
            owner(current, request),
            facts.now(),
            facts.caller().actor().name(),
            request.reason(),
            approvedBy);
    return new AliasDecision.Write(after, action(request));
  }

  /** Decides a DELETE: the expected generation, no owner, and the role the alias needs. */
  public static AliasDecision decideDelete(AliasFacts facts) {
    Alias current = facts.before();
    AliasPreconditions.checkGeneration(facts.expectedGeneration(), current);
    AliasPreconditions.checkOwner(current, null);
    AliasRules.requireRole(
        facts.caller(), AliasRules.isProtected(facts.model(), current.alias()), current.alias());
    return new AliasDecision.Remove(current);
  }

  /**
   * Whether {@code next} (and the owner the request leaves) differ from {@code current}: a first
   * write always does.
   */
  static boolean changes(Alias current, Map<String, String> next, AliasRequest request) {
    return current.generation() == 0
        || !AliasRepository.sorted(next).equals(current.pointers())
        || !Objects.equals(owner(current, request), current.managedBy());
  }

  /**
   * Whether the protected-alias rate limit applies. A rollback restores an approved state: an
   * emergency is never refused by the rate limit (spec 20-integrity-activation; it is audited and
   * counted like any write).
   */
  static boolean rateLimited(Model model, Policies policies, Alias current, AliasRequest request) {
    return AliasRules.isProtected(model, current.alias())
        && !(request instanceof AliasRequest.Rollback)
        && policies.protectedAliasRatePerMinute() > 0;
  }

  /** Released only after the owner check passed: only the owner gives an alias up. */
  private static String owner(Alias current, AliasRequest request) {
    boolean release = request instanceof AliasRequest.Put put && put.release();
    return release ? null : AliasPreconditions.newOwner(current, request.requestedOwner());
  }

  private static String action(AliasRequest request) {
    return switch (request) {
      case AliasRequest.Put put -> put.release() ? "ALIAS_RELEASE" : "ALIAS_UPDATE";
      case AliasRequest.Rollback back -> "ALIAS_ROLLBACK";
      case AliasRequest.Delete delete -> "ALIAS_DELETE";
    };
  }

  /** The version a changed pointer names, as the facts found it: 404 when it does not exist. */
  private static Version target(AliasFacts facts, String name) {
    Optional<Version> found = facts.targets().get(name);
    if (found == null) {
      throw new IllegalStateException("facts lack version " + name);
    }
    return found.orElseThrow(
        () ->
            ApiException.notFound(
                "VERSION_NOT_FOUND",
                "version '" + name + "' of model '" + facts.model().name() + "' does not exist"));
  }
}
