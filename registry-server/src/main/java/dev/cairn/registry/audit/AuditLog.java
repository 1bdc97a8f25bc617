package dev.cairn.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.JsonLimits;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Appends entries to the hash-chained audit log inside the caller's transaction, so an entry exists
 * exactly when its change does. Appends take a transaction-scoped advisory lock: the chain order is
 * the commit order even across registry replicas.
 */
public final class AuditLog {

  /** Advisory lock key of the chain head ("CAIRNAUD" in ASCII). */
  public static final long CHAIN_LOCK = 0x434149524e415544L;

  private static final ObjectMapper JSON = JsonLimits.forStored(CairnJson.lenientMapper());

  private final AuditChain chain;
  private final Db db;
  private final Consumer<String> committed;

  /** {@code committed} hears each appended action once its transaction commits (metrics). */
  public AuditLog(AuditChain chain, Db db, Consumer<String> committed) {
    this.chain = chain;
    this.db = db;
    this.committed = committed;
  }

  /** Lock and head in one round trip (V5__chain_functions.sql). */
  private static final String LOCK_AND_HEAD = "SELECT seq, hash FROM cairn_chain_head(?)";

  private static final String INSERT =
      "INSERT INTO audit_log (seq, at, actor, roles, action, project, model, target, before, after,"
          + " reason, approved_by, request_id, prev_hash, hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Appends {@code record} for {@code actor}; call it last in the transaction to keep the lock
   * short.
   */
  public AuditEntry append(DbTransaction tx, Actor actor, AuditRecord record) {
    Optional<DbRow> last = tx.get(LOCK_AND_HEAD, CHAIN_LOCK);
    long seq = last.map(r -> Rows.longValue(r, "seq") + 1).orElse(1L);
    String prevHash = last.map(r -> Rows.string(r, "hash")).orElse(AuditChain.GENESIS);
    Instant at = Rows.now();
    AuditEntry unhashed =
        new AuditEntry(
            seq,
            at,
            actor.name(),
            actor.roles(),
            record.action(),
            record.project(),
            record.model(),
            record.target(),
            record.before(),
            record.after(),
            record.reason(),
            record.approvedBy(),
            actor.requestId(),
            prevHash,
            null);
    String hash = chain.hash(unhashed);
    tx.dml(
        INSERT,
        seq,
        Rows.param(at),
        actor.name(),
        Rows.json(actor.roles()),
        record.action(),
        record.project(),
        record.model(),
        record.target(),
        text(record.before()),
        text(record.after()),
        record.reason(),
        record.approvedBy(),
        actor.requestId(),
        prevHash,
        hash);
    db.onCommit(tx, () -> committed.accept(record.action()));
    return withHash(unhashed, hash);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.toString();
  }

  private static AuditEntry withHash(AuditEntry e, String hash) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.actor(),
        e.roles(),
        e.action(),
        e.project(),
        e.model(),
        e.target(),
        e.before(),
        e.after(),
        e.reason(),
        e.approvedBy(),
        e.requestId(),
        e.prevHash(),
        hash);
  }

  static ObjectMapper json() {
    return JSON;
  }
}
