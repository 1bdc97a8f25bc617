package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.version.VersionState;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** SQL for aliases, their history and the versions they point at. */
public final class AliasRepository {

  private static final String COLUMNS =
      "id, alias, CAST(pointers AS text) AS pointers, generation, managed_by, reason, updated_at,"
          + " updated_by, (SELECT h.approved_by FROM alias_history h WHERE h.alias_id = aliases.id"
          + " AND h.generation = aliases.generation) AS approved_by";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM aliases WHERE model_id = CAST(? AS uuid) AND alias = ?";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String CREATE_EMPTY =
      "INSERT INTO aliases (id, model_id, alias, pointers, generation, updated_at, updated_by)"
          + " VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, CAST('{}' AS jsonb), 0, ?, ?)"
          + " ON CONFLICT (model_id, alias) DO NOTHING";

  private static final String UPDATE =
      "UPDATE aliases SET pointers = CAST(? AS jsonb), generation = ?, managed_by = ?, reason = ?,"
          + " updated_at = ?, updated_by = ? WHERE id = CAST(? AS uuid)";
  private static final String RECORD =
      "INSERT INTO alias_history (alias_id, generation, pointers, action, at, actor, reason,"
          + " approved_by, request_id) VALUES (CAST(? AS uuid), ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)";

  private static final String DELETE = "DELETE FROM aliases WHERE id = CAST(? AS uuid)";
  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM aliases WHERE model_id = CAST(? AS uuid) AND generation > 0"
          + " ORDER BY alias";
  private static final String HISTORY =
      "SELECT generation, CAST(pointers AS text) AS pointers, action, at, actor, reason, approved_by,"
          + " request_id FROM alias_history WHERE alias_id = CAST(? AS uuid)"
          + " AND (CAST(? AS bigint) IS NULL OR generation < ?) ORDER BY generation DESC LIMIT ?";
  private static final String POINTERS_AT =
      "SELECT CAST(pointers AS text) AS pointers FROM alias_history"
          + " WHERE alias_id = CAST(? AS uuid) AND generation = ?";
  private static final String RECENT_WRITES =
      "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM alias_history"
          + " WHERE alias_id = CAST(? AS uuid) AND at > ?";
  private static final String LATEST =
      "SELECT DISTINCT ON (variant) variant, version FROM versions"
          + " WHERE model_id = CAST(? AS uuid) AND state = '"
          + VersionState.READY.wire()
          + "' AND deleted_at IS NULL"
          + " ORDER BY variant, ready_at DESC, created_at DESC";

  public Optional<StoredAlias> find(DbExecute exec, UUID modelId, String alias) {
    return exec.get(FIND, modelId.toString(), alias).map(AliasRepository::alias);
  }

  /**
   * The alias row locked for the transaction, created empty (generation 0) if missing. Most writes
   * change an alias that exists, so the lock is tried first: one round trip instead of two.
   */
  public StoredAlias lockOrCreate(DbExecute tx, UUID modelId, String alias, String actor) {
    Optional<StoredAlias> existing = lock(tx, modelId, alias);
    if (existing.isPresent()) {
      return existing.get();
    }
    tx.dml(
        CREATE_EMPTY,
        UUID.randomUUID().toString(),
        modelId.toString(),
        alias,
        Rows.param(Rows.now()),
        actor);
    return tx.get(LOCK, modelId.toString(), alias).map(AliasRepository::alias).orElseThrow();
  }

  public Optional<StoredAlias> lock(DbExecute tx, UUID modelId, String alias) {
    return tx.get(LOCK, modelId.toString(), alias).map(AliasRepository::alias);
  }

  /**
   * The statements that write {@code a} over the row {@code id} and add its history entry; the
   * journal runs them ahead of its first query (they read nothing of each other).
   */
  public static LeadingWrites updateStatements(
      UUID id, Alias a, String action, String approvedBy, String requestId) {
    String pointers = Rows.json(a.pointers());
    Object at = Rows.param(a.updatedAt());
    return LeadingWrites.of(
            UPDATE,
            pointers,
            a.generation(),
            a.managedBy(),
            a.reason(),
            at,
            a.updatedBy(),
            id.toString())
        .then(
            RECORD,
            id.toString(),
            a.generation(),
            pointers,
            action,
            at,
            a.updatedBy(),
            a.reason(),
            approvedBy,
            requestId);
  }

  /** The statement that removes the row {@code id} (its history stays), for the journal. */
  public static LeadingWrites deleteStatement(UUID id) {
    return LeadingWrites.of(DELETE, id.toString());
  }

  public List<Alias> list(DbExecute exec, UUID modelId) {
    return Db.list(exec, LIST, row -> alias(row).view(), modelId.toString());
  }

  public List<AliasHistoryEntry> history(
      DbExecute exec, UUID aliasId, Long beforeGeneration, int limit) {
    return Db.list(
        exec,
        HISTORY,
        AliasRepository::historyEntry,
        aliasId.toString(),
        beforeGeneration,
        beforeGeneration,
        limit);
  }

  public Optional<Map<String, String>> pointersAt(DbExecute exec, UUID aliasId, long generation) {
    return exec.get(POINTERS_AT, aliasId.toString(), generation)
        .map(row -> sorted(Rows.stringMap(row, "pointers")));
  }

  /** How many writes the alias had since {@code since}, and when the oldest of them was. */
  public RecentWrites recentWrites(DbExecute tx, UUID aliasId, Instant since) {
    return tx.get(RECENT_WRITES, aliasId.toString(), Rows.param(since))
        .map(
            row ->
                new RecentWrites(
                    Rows.longValue(row, "n"), Optional.ofNullable(Rows.instant(row, "oldest"))))
        .orElseThrow();
  }

  public record RecentWrites(long count, Optional<Instant> oldest) {}

  /** Per variant, the newest READY version: the server-maintained {@code latest}. */
  public Map<String, String> latest(DbExecute exec, UUID modelId) {
    Map<String, String> latest = new TreeMap<>();
    Db.list(
            exec,
            LATEST,
            row -> Map.entry(Rows.string(row, "variant"), Rows.string(row, "version")),
            modelId.toString())
        .forEach(e -> latest.put(e.getKey(), e.getValue()));
    return latest;
  }

  private static StoredAlias alias(DbRow row) {
    return new StoredAlias(
        UUID.fromString(Rows.string(row, "id")),
        new Alias(
            Rows.string(row, "alias"),
            sorted(Rows.stringMap(row, "pointers")),
            Rows.longValue(row, "generation"),
            Rows.string(row, "managed_by"),
            Rows.instant(row, "updated_at"),
            Rows.string(row, "updated_by"),
            Rows.string(row, "reason"),
            Rows.string(row, "approved_by")));
  }

  private static AliasHistoryEntry historyEntry(DbRow row) {
    return new AliasHistoryEntry(
        Rows.longValue(row, "generation"),
        sorted(Rows.stringMap(row, "pointers")),
        Rows.string(row, "action"),
        Rows.instant(row, "at"),
        Rows.string(row, "actor"),
        Rows.string(row, "reason"),
        Rows.string(row, "approved_by"),
        Rows.string(row, "request_id"));
  }

  static Map<String, String> sorted(Map<String, String> pointers) {
    return new LinkedHashMap<>(new TreeMap<>(pointers));
  }
}
