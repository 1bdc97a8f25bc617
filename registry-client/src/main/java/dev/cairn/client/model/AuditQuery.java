package dev.cairn.client.model;

import java.time.Instant;

/** Filters and paging of {@code GET …/audit}. */
public record AuditQuery(
    String model,
    String action,
    String actor,
    Instant since,
    Instant until,
    Integer limit,
    String pageToken) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null, null);
  }

  public AuditQuery forModel(String newModel) {
    return new AuditQuery(newModel, action, actor, since, until, limit, pageToken);
  }

  public AuditQuery withAction(String newAction) {
    return new AuditQuery(model, newAction, actor, since, until, limit, pageToken);
  }

  public AuditQuery since(Instant newSince) {
    return new AuditQuery(model, action, actor, newSince, until, limit, pageToken);
  }

  public AuditQuery withLimit(int newLimit) {
    return new AuditQuery(model, action, actor, since, until, newLimit, pageToken);
  }

  public AuditQuery withPageToken(String token) {
    return new AuditQuery(model, action, actor, since, until, limit, token);
  }
}
