package dev.cairn.registry.model;

import dev.cairn.client.model.Model;
import dev.cairn.registry.domain.ApiException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a model may be deleted, decided from facts alone (issue 25, item 16). A LIVE or ARCHIVED
 * model is deleted in one call; an alias is <em>in use</em> when it has any pointer, and while one
 * is, the delete is refused with 409 {@code VERSION_IN_USE} naming each alias and its pointers —
 * unless {@code force}, which needs a reason and records the pointers it deleted over.
 */
public final class DeletionPolicy {

  private DeletionPolicy() {}

  /**
   * What a delete knows: the model, its aliases in use (alias → variant → version), the request.
   */
  public record Facts(
      Model model, Map<String, Map<String, String>> aliasesInUse, String reason, boolean force) {}

  /** The outcome: the aliases in use the delete goes ahead over (empty unless forced). */
  public record Decision(Map<String, Map<String, String>> forcedOver) {
    public boolean forced() {
      return !forcedOver.isEmpty();
    }
  }

  public static Decision decide(Facts facts) {
    if (facts.force() && facts.reason() == null) {
      throw ApiException.badRequest("force deletes a model an alias may serve: give a reason");
    }
    if (facts.aliasesInUse().isEmpty()) {
      return new Decision(Map.of());
    }
    if (!facts.force()) {
      throw ApiException.conflict(
              "VERSION_IN_USE",
              "model '"
                  + facts.model().name()
                  + "' is in use: "
                  + describe(facts.aliasesInUse())
                  + "; move or delete those aliases first, or delete with force and a reason")
          .with("aliases", facts.aliasesInUse().keySet().stream().toList())
          .with("pointers", facts.aliasesInUse());
    }
    return new Decision(facts.aliasesInUse());
  }

  private static String describe(Map<String, Map<String, String>> inUse) {
    return inUse.entrySet().stream()
        .map(e -> "alias '" + e.getKey() + "' points at " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
