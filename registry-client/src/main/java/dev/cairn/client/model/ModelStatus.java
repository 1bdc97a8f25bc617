package dev.cairn.client.model;

import java.util.List;
import java.util.Map;

/**
 * {@code GET …/models/{m}/status}: {@code ACTIVE} when every variant has a pointer in the alias,
 * {@code INCOMPLETE} while some variant has no READY version, {@code INACTIVE} when all could be
 * activated but are not, {@code ARCHIVED} for an archived model. {@code missing} lists the variants
 * without a READY version; {@code inactive} those that have one but no pointer in the alias.
 */
public record ModelStatus(
    String status,
    String alias,
    Map<String, String> active,
    List<String> missing,
    List<String> inactive,
    Serving serving) {

  public ModelStatus(
      String status,
      String alias,
      Map<String, String> active,
      List<String> missing,
      Serving serving) {
    this(status, alias, active, missing, List.of(), serving);
  }

  /** How many live serving instances report this alias, and how many run its pointers. */
  public record Serving(int instances, int onTarget) {}
}
