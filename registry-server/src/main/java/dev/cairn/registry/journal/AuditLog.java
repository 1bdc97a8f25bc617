package dev.cairn.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.db.ChainLock;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.JsonLimits;
import dev.cairn.registry.events.EventLog;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Appends entries to the hash-chained audit log inside the caller's transaction, so an entry exists
 * exactly when its change does. Appends take a transaction-scoped advisory lock: the chain order is
 * the commit order even across registry replicas.
 */
public final class AuditLog {

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
    AuditEntry entry = next(tx, actor, record, LeadingWrites.NONE);
    tx.dml(INSERT, row(entry));
    return entry;
  }

  /**
   * What a change writes besides its audit entry, folded into the entry's round trips: its own
   * {@code writes} ({@link LeadingWrites#NONE} for none) run in the statement that takes the chain
   * lock and reads the head, and the audit row is inserted by the statement that numbers its {@code
   * event}.
   */
  public record Alongside(LeadingWrites writes, EventLog events, EventLog.Draft event) {}

  /** Appends {@code record} with everything else the change writes, in two round trips. */
  public AuditEntry append(DbTransaction tx, Actor actor, AuditRecord record, Alongside change) {
    AuditEntry entry = next(tx, actor, record, change.writes());
    change.events().append(tx, change.event(), LeadingWrites.of(INSERT, row(entry)));
    return entry;
  }

  /** Takes the chain lock, reads the head, and hashes the entry that follows it. */
  private AuditEntry next(DbTransaction tx, Actor actor, AuditRecord record, LeadingWrites writes) {
    Optional<DbRow> last = writes.get(tx, LOCK_AND_HEAD, ChainLock.KEY);
    long seq = last.map(r -> Rows.longValue(r, "seq") + 1).orElse(1L);
    String prevHash = last.map(r -> Rows.string(r, "hash")).orElse(AuditChain.GENESIS);
    AuditEntry unhashed =
        new AuditEntry(
            seq,
            Rows.now(),
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
    db.onCommit(tx, () -> committed.accept(record.action()));
    return withHash(unhashed, chain.hash(unhashed));
  }

  private static Object[] row(AuditEntry e) {
    return new Object[] {
      e.seq(),
      Rows.param(e.at()),
      e.actor(),
      Rows.json(e.roles()),
      e.action(),
      e.project(),
      e.model(),
      e.target(),
      text(e.before()),
      text(e.after()),
      e.reason(),
      e.approvedBy(),
      e.requestId(),
      e.prevHash(),
      e.hash()
    };
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
