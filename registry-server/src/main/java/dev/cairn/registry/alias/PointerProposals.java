package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Model;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pointer set a request proposes, before any rule is applied: the pointers a PUT names (or its
 * single {@code version}), merged over the current ones; or, for a rollback, the previous
 * generation's pointers for the chosen variants.
 */
final class PointerProposals {

  private PointerProposals() {}

  /** The pointers a PUT names: {@code pointers}, or {@code version} for a one-variant model. */
  static Map<String, String> named(Model model, AliasUpdate update) {
    if (update.pointers() != null && update.version() != null) {
      throw ApiException.badRequest("give either pointers or version, not both");
    }
    if (update.version() != null) {
      if (model.variants().size() != 1) {
        throw ApiException.badRequest(
            "model '" + model.name() + "' has variants " + model.variants() + "; give pointers");
      }
      return Map.of(model.variants().get(0), update.version());
    }
    if (update.pointers() == null || update.pointers().isEmpty()) {
      throw ApiException.badRequest("pointers (or version) is required");
    }
    return update.pointers();
  }

  /** The current pointers with the named ones replacing theirs. */
  static Map<String, String> merged(Alias current, Map<String, String> named) {
    Map<String, String> next = new LinkedHashMap<>(current.pointers());
    next.putAll(named);
    return next;
  }

  /**
   * The generation a rollback goes back to: {@code toGeneration} when given (it must be an earlier
   * generation than the current one, else 409 {@code NO_PREVIOUS}), else the previous one — so a
   * second rollback returns to where the first started.
   */
  static long rollbackTarget(Alias current, Long toGeneration) {
    if (toGeneration == null) {
      return current.generation() - 1;
    }
    if (toGeneration >= current.generation()) {
      throw ApiException.conflict(
              "NO_PREVIOUS",
              "alias '"
                  + current.alias()
                  + "' is at generation "
                  + current.generation()
                  + "; to_generation must name an earlier one")
          .with("current", current.generation());
    }
    return toGeneration;
  }

  /** The variants a rollback names, each one of the model's (400 otherwise); none: all. */
  static List<String> rollbackVariants(Model model, List<String> named) {
    if (named == null || named.isEmpty()) {
      return model.variants();
    }
    for (String variant : named) {
      if (!model.variants().contains(Names.resource("variant", variant))) {
        throw ApiException.badRequest(
            "model '"
                + model.name()
                + "' has no variant '"
                + variant
                + "'; it has "
                + model.variants());
      }
    }
    return named;
  }

  /**
   * The current pointers with each of {@code variants} set back to {@code previous} (or removed
   * where the previous generation had none); 409 {@code NO_PREVIOUS} without a previous one.
   */
  static Map<String, String> rolledBack(
      Alias current, Optional<Map<String, String>> previous, List<String> variants) {
    Map<String, String> earlier =
        previous.orElseThrow(
            () ->
                ApiException.conflict(
                    "NO_PREVIOUS",
                    "alias '" + current.alias() + "' has no earlier generation to roll back to"));
    Map<String, String> next = new LinkedHashMap<>(current.pointers());
    for (String variant : variants) {
      if (earlier.containsKey(variant)) {
        next.put(variant, earlier.get(variant));
      } else {
        next.remove(variant);
      }
    }
    return next;
  }

  /**
   * The pointers {@code request} proposes over {@code current}, when it proposes any: empty for a
   * rollback to a generation that does not exist (which {@link #required} refuses).
   */
  static Optional<Map<String, String>> proposed(Alias current, AliasRequest request) {
    return switch (request) {
      case AliasRequest.Put put -> Optional.of(merged(current, put.named()));
      case AliasRequest.Rollback back ->
          back.toGeneration() != null && back.toGeneration() >= current.generation()
              ? Optional.empty()
              : back.earlier().map(e -> rolledBack(current, Optional.of(e), back.variants()));
      case AliasRequest.Delete delete -> Optional.empty();
    };
  }

  /** The pointers {@code request} proposes, or its refusal (409 {@code NO_PREVIOUS}). */
  static Map<String, String> required(Alias current, AliasRequest request) {
    return switch (request) {
      case AliasRequest.Put put -> merged(current, put.named());
      case AliasRequest.Rollback back -> {
        rollbackTarget(current, back.toGeneration());
        yield rolledBack(current, back.earlier(), back.variants());
      }
      case AliasRequest.Delete delete ->
          throw new IllegalArgumentException("a DELETE proposes no pointers");
    };
  }
}
