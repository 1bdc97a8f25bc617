package dev.cairn.registry.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbRow;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit log: filtered pages newest first, and batches in chain order. */
public final class AuditRepository {

  private static final String COLUMNS =
      "seq, at, actor, roles, action, project, model, target, before, after, reason, approved_by,"
          + " request_id, prev_hash, hash";

  /** Filters bound as typed parameters; an absent filter is a NULL that matches everything. */
  private static final String FILTERED =
      "SELECT "
          + COLUMNS
          + " FROM audit_log WHERE project = ?"
          + " AND (CAST(? AS text) IS NULL OR model = ?)"
          + " AND (CAST(? AS text) IS NULL OR action = ?)"
          + " AND (CAST(? AS text) IS NULL OR actor = ?)"
          + " AND (CAST(? AS timestamptz) IS NULL OR at >= ?)"
          + " AND (CAST(? AS timestamptz) IS NULL OR at < ?)";

  private static final String NEWEST_FIRST =
      FILTERED + " AND (CAST(? AS bigint) IS NULL OR seq < ?) ORDER BY seq DESC LIMIT ?";
  private static final String OLDEST_FIRST = FILTERED + " AND seq > ? ORDER BY seq ASC LIMIT ?";
  private static final String CHAIN_BATCH =
      "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq ASC LIMIT ?";

  private final Db db;

  public AuditRepository(Db db) {
    this.db = db;
  }

  /** Up to {@code limit} entries older than {@code beforeSeq} (all when null), newest first. */
  public List<AuditEntry> page(AuditFilter filter, Long beforeSeq, int limit) {
    List<Object> params = filterParams(filter);
    params.add(beforeSeq);
    params.add(beforeSeq);
    params.add(limit);
    return db.read(exec -> Db.list(exec, NEWEST_FIRST, AuditRepository::entry, params.toArray()));
  }

  /** Up to {@code limit} matching entries after {@code afterSeq}, in chain order (for export). */
  public List<AuditEntry> batch(AuditFilter filter, long afterSeq, int limit) {
    List<Object> params = filterParams(filter);
    params.add(afterSeq);
    params.add(limit);
    return db.read(exec -> Db.list(exec, OLDEST_FIRST, AuditRepository::entry, params.toArray()));
  }

  /** Up to {@code limit} entries of the whole chain after {@code afterSeq}. */
  public List<AuditEntry> chainBatch(long afterSeq, int limit) {
    return db.read(exec -> Db.list(exec, CHAIN_BATCH, AuditRepository::entry, afterSeq, limit));
  }

  private static List<Object> filterParams(AuditFilter f) {
    List<Object> params = new ArrayList<>();
    params.add(f.project());
    addTwice(params, f.model().orElse(null));
    addTwice(params, f.action().orElse(null));
    addTwice(params, f.actor().orElse(null));
    addTwice(params, f.since().map(Rows::param).orElse(null));
    addTwice(params, f.until().map(Rows::param).orElse(null));
    return params;
  }

  private static void addTwice(List<Object> params, Object value) {
    params.add(value);
    params.add(value);
  }

  private static AuditEntry entry(DbRow row) {
    return new AuditEntry(
        Rows.longValue(row, "seq"),
        Rows.instant(row, "at"),
        Rows.string(row, "actor"),
        Rows.fromJson(Rows.string(row, "roles"), new TypeReference<List<String>>() {}, List.of()),
        Rows.string(row, "action"),
        Rows.string(row, "project"),
        Rows.string(row, "model"),
        Rows.string(row, "target"),
        node(Rows.string(row, "before")),
        node(Rows.string(row, "after")),
        Rows.string(row, "reason"),
        Rows.string(row, "approved_by"),
        Rows.string(row, "request_id"),
        Rows.string(row, "prev_hash"),
        Rows.string(row, "hash"));
  }

  private static JsonNode node(String text) {
    return text == null ? null : Rows.fromJson(text, JsonNode.class);
  }
}
