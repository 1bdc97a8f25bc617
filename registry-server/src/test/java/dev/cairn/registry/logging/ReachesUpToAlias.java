package dev.cairn.registry.logging;

import dev.cairn.registry.alias.AliasRef;

/**
 * A deliberate layering violation, compiled with the tests only: {@code logging} sits at the bottom
 * of the service order and must not see {@code alias}. The architecture test proves its service
 * order rule fails on this class, so the rule cannot quietly stop biting.
 */
public final class ReachesUpToAlias {

  private ReachesUpToAlias() {}

  public static String describe(AliasRef ref) {
    return ref.project() + "/" + ref.model() + "@" + ref.alias();
  }
}
