package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Page;
import java.util.List;

/**
 * Aliases of a model: read, set (with If-Match and Idempotency-Key), roll back, delete, history.
 */
public final class Aliases {

  private final HttpTransport transport;

  Aliases(HttpTransport transport) {
    this.transport = transport;
  }

  public List<Alias> list(String project, String model) {
    return transport
        .send(
            "GET",
            ApiPaths.modelPath(project, model) + "/aliases",
            null,
            new TypeReference<Items<Alias>>() {})
        .items();
  }

  public Alias get(String project, String model, String alias) {
    return transport.send(
        "GET", ApiPaths.aliasPath(project, model, alias), null, new TypeReference<>() {});
  }

  /** Changes an alias; {@code ifMatch} and {@code idempotencyKey} may be null. */
  public Alias put(
      String project,
      String model,
      String alias,
      AliasUpdate update,
      Long ifMatch,
      String idempotencyKey) {
    return transport.send(
        "PUT",
        ApiPaths.aliasPath(project, model, alias),
        update,
        new TypeReference<>() {},
        ApiPaths.conditions(ifMatch, idempotencyKey));
  }

  public Alias rollback(String project, String model, String alias, AliasRollback rollback) {
    return rollback(project, model, alias, rollback, null, null);
  }

  /** A rollback that applies only at generation {@code ifMatch} ({@code If-Match}), or 412. */
  public Alias rollback(
      String project,
      String model,
      String alias,
      AliasRollback rollback,
      Long ifMatch,
      String idempotencyKey) {
    return transport.send(
        "POST",
        ApiPaths.aliasPath(project, model, alias) + "/rollback",
        rollback,
        new TypeReference<>() {},
        ApiPaths.conditions(ifMatch, idempotencyKey));
  }

  public void delete(String project, String model, String alias) {
    delete(project, model, alias, null);
  }

  /** A delete that applies only at generation {@code ifMatch} ({@code If-Match}), or 412. */
  public void delete(String project, String model, String alias, Long ifMatch) {
    transport.send(
        "DELETE",
        ApiPaths.aliasPath(project, model, alias),
        null,
        null,
        ApiPaths.conditions(ifMatch, null));
  }

  public Page<AliasHistoryEntry> history(
      String project, String model, String alias, Integer limit, String pageToken) {
    String qs = new QueryString().add("limit", limit).add("page_token", pageToken).toString();
    return transport.send(
        "GET",
        ApiPaths.aliasPath(project, model, alias) + "/history" + qs,
        null,
        new TypeReference<>() {});
  }
}
