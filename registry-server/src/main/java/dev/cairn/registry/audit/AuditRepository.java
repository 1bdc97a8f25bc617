package dev.cairn.registry.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.db.BytePages;
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

  /** Bytes of {@code before}/{@code after} documents one page or batch reads at most. */
  public static final long BATCH_BYTES = 1024L * 1024;

  private final Db db;

  public AuditRepository(Db db) {
    this.db = db;
  }

  /**
   * Up to {@code pageSize} entries older than {@code beforeSeq} (all when null), newest first, plus
   * one that says there are more; fewer when their documents pass {@link #BATCH_BYTES}.
   */
  public BytePages.Capped<AuditEntry> page(AuditFilter filter, Long beforeSeq, int pageSize) {
    List<Object> params = filterParams(filter);
    params.add(beforeSeq);
    params.add(beforeSeq);
    params.add(pageSize + 1);
    return capped(NEWEST_FIRST, "seq DESC", pageSize, params);
  }

  /**
   * Up to {@code limit} matching entries after {@code afterSeq}, in chain order (for export); the
   * batch is done when it is neither full nor {@linkplain BytePages.Capped#cut() cut}.
   */
  public BytePages.Capped<AuditEntry> batch(AuditFilter filter, long afterSeq, int limit) {
    List<Object> params = filterParams(filter);
    params.add(afterSeq);
    params.add(limit);
    return capped(OLDEST_FIRST, "seq", limit, params);
  }

  /** Up to {@code limit} entries of the whole chain after {@code afterSeq}, like {@link #batch}. */
  public BytePages.Capped<AuditEntry> chainBatch(long afterSeq, int limit) {
    return capped(CHAIN_BATCH, "seq", limit, new ArrayList<>(List.of(afterSeq, limit)));
  }

  private BytePages.Capped<AuditEntry> capped(
      String query, String order, int pageSize, List<Object> params) {
    return db.read(
        exec ->
            BytePages.list(
                exec,
                query,
                order,
                List.of("before", "after"),
                AuditRepository::entry,
                pageSize,
                BATCH_BYTES,
                params.toArray()));
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
