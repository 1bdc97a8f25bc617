package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PATCH …/models/{m}}; absent members are left unchanged. {@code state} moves
 * between {@code LIVE} and {@code ARCHIVED}; {@code protected_aliases} needs the admin role; {@code
 * reason} is recorded in the audit entry of the change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelPatch(
    String description,
    String task,
    Map<String, String> labels,
    String state,
    List<String> protectedAliases,
    String reason) {

  /** A patch without a reason. */
  public ModelPatch(
      String description,
      String task,
      Map<String, String> labels,
      String state,
      List<String> protectedAliases) {
    this(description, task, labels, state, protectedAliases, null);
  }

  public static ModelPatch state(String state) {
    return new ModelPatch(null, null, null, state, null, null);
  }

  /** A state change ({@code model archive --reason}) with why. */
  public static ModelPatch state(String state, String reason) {
    return new ModelPatch(null, null, null, state, null, reason);
  }
}
