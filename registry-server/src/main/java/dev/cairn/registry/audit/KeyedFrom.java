package dev.cairn.registry.audit;

import dev.cairn.registry.config.StartupException;
import dev.cairn.registry.db.ChainLock;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import java.util.Optional;

/**
 * Where the keyed part of the audit chain begins. Recorded once, by the first start that has a key,
 * under the chain lock so no entry is appended while it is decided; the record carries a keyed
 * proof, so moving the start (to pass a recomputed unkeyed chain off as old) is detected.
 */
public final class KeyedFrom {

  private static final String READ = "SELECT keyed_from, proof FROM audit_chain_keyed WHERE id = 1";
  private static final String RECORD =
      "INSERT INTO audit_chain_keyed (id, keyed_from, proof) VALUES (1, ?, ?)"
          + " ON CONFLICT (id) DO NOTHING";

  /** The first keyed sequence number, and whether its record is genuine. */
  public record Start(long seq, boolean genuine) {}

  private final Db db;
  private final AuditChain chain;

  public KeyedFrom(Db db, AuditChain chain) {
    this.db = db;
    this.chain = chain;
  }

  /** The keyed chain entries from the start on are hashed with. */
  public AuditChain chain() {
    return chain;
  }

  /**
   * Records the start if no start is recorded yet (the entry after the current head), then checks
   * that this process's key is the one the chain is keyed with: a replica started with another key
   * would write entries no other replica can verify, so it refuses to start.
   */
  public void recordAndCheck() {
    record();
    if (!read().genuine()) {
      throw new StartupException(
          "the audit key does not match the key this database's audit chain is keyed with:"
              + " replicas sharing a database must share CAIRN_AUDIT_KEY");
    }
  }

  private void record() {
    db.inTransaction(
        tx -> {
          long head =
              tx.get("SELECT seq FROM cairn_chain_head(?)", ChainLock.KEY)
                  .map(r -> Rows.longValue(r, "seq"))
                  .orElse(0L);
          tx.dml(RECORD, head + 1, chain.proof(head + 1));
          return null;
        });
  }

  /** The recorded start; a chain without a record is keyed from its first entry. */
  public Start read() {
    Optional<Start> recorded =
        db.read(
            exec ->
                exec.get(READ)
                    .map(
                        r -> {
                          long seq = Rows.longValue(r, "keyed_from");
                          return new Start(seq, chain.proof(seq).equals(Rows.string(r, "proof")));
                        }));
    return recorded.orElse(new Start(1, true));
  }
}
