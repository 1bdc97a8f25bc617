package dev.cairn.registry.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditChain;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.ChainLock;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The journal's audit half: numbers and hashes the entry that follows the chain's head, inside the
 * caller's transaction, so an entry exists exactly when its change does. The head is read under a
 * transaction-scoped advisory lock: the chain order is the commit order even across replicas.
 */
final class AuditLog {

  /** Lock and head in one round trip (V5__chain_functions.sql). */
  private static final String LOCK_AND_HEAD = "SELECT seq, hash FROM cairn_chain_head(?)";

  private static final String INSERT =
      "INSERT INTO audit_log (seq, at, actor, roles, action, project, model, target, before, after,"
          + " reason, approved_by, request_id, prev_hash, hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final AuditChain chain;
  private final Db db;
  private final Consumer<String> committed;

  /** {@code committed} hears each appended action once its transaction commits (metrics). */
  AuditLog(AuditChain chain, Db db, Consumer<String> committed) {
    this.chain = chain;
    this.db = db;
    this.committed = committed;
  }

  /**
   * Runs {@code writes} ahead of the statement that takes the chain lock and reads the head (one
   * round trip), and returns the hashed entry that follows it, not yet inserted.
   */
  AuditEntry next(DbTransaction tx, Actor actor, AuditRecord record, LeadingWrites writes) {
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

  /** Inserts {@code entry} on its own (a change with no event). */
  void insert(DbTransaction tx, AuditEntry entry) {
    tx.dml(INSERT, row(entry));
  }

  /** The insert of {@code entry}, to run ahead of the statement that appends its event. */
  static LeadingWrites insertAhead(AuditEntry entry) {
    return LeadingWrites.of(INSERT, row(entry));
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
}
