package dev.cairn.operator.crd;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Condition lists in the Kubernetes convention: one condition per type, {@code lastTransitionTime}
 * moves only when the status changes, so watchers can tell how long a resource has been in a state.
 */
public final class Conditions {

  private Conditions() {}

  /** {@code current} with the condition of {@code type} set (added or replaced), order kept. */
  public static List<Condition> set(
      List<Condition> current,
      String type,
      boolean status,
      String reason,
      String message,
      long generation) {
    String statusText = status ? "True" : "False";
    Optional<Condition> before = find(current, type);
    String transition =
        before
            .filter(c -> statusText.equals(c.status()) && c.lastTransitionTime() != null)
            .map(Condition::lastTransitionTime)
            .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    Condition next = new Condition(type, statusText, reason, message, transition, generation);
    List<Condition> result = new ArrayList<>();
    boolean replaced = false;
    for (Condition c : current == null ? List.<Condition>of() : current) {
      if (c.type().equals(type)) {
        result.add(next);
        replaced = true;
      } else {
        result.add(c);
      }
    }
    if (!replaced) {
      result.add(next);
    }
    return List.copyOf(result);
  }

  /** {@code current} without the condition of {@code type}. */
  public static List<Condition> remove(List<Condition> current, String type) {
    return current == null
        ? List.of()
        : current.stream().filter(c -> !c.type().equals(type)).toList();
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.status())).orElse(false);
  }
}
