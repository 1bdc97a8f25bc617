package dev.cairn.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a change appends to the audit log: the action ({@code MODEL_CREATE}, {@code ALIAS_UPDATE},
 * …), where it happened, the state before and after, and why.
 */
public record AuditRecord(
    String action,
    String project,
    String model,
    String target,
    JsonNode before,
    JsonNode after,
    String reason,
    String approvedBy) {

  public static AuditRecord of(
      String action, String project, String model, String target, JsonNode before, JsonNode after) {
    return new AuditRecord(action, project, model, target, before, after, null, null);
  }
}
