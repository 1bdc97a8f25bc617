package dev.cairn.registry.audit;

import dev.cairn.client.model.AuditEntry;
import dev.cairn.client.model.AuditVerification;
import dev.cairn.registry.db.BytePages;

/**
 * Recomputes the whole chain in batches (never the whole log in memory) and reports the first entry
 * whose link, hash or sequence number does not hold, counting every entry. Entries from the keyed
 * start on must carry keyed hashes; a start record without a genuine proof fails the chain there.
 */
public final class AuditVerifier {

  private static final int BATCH = 1000;

  private final AuditRepository repository;
  private final KeyedFrom keyedFrom;

  public AuditVerifier(AuditRepository repository, KeyedFrom keyedFrom) {
    this.repository = repository;
    this.keyedFrom = keyedFrom;
  }

  public AuditVerification verify() {
    KeyedFrom.Start start = keyedFrom.read();
    AuditChain unkeyed = AuditChain.unkeyed();
    AuditChain keyed = keyedFrom.chain();
    long count = 0;
    long lastSeq = 0;
    String expectedPrev = AuditChain.GENESIS;
    Long firstInvalid = null;
    while (true) {
      BytePages.Capped<AuditEntry> batch = repository.chainBatch(lastSeq, BATCH);
      for (AuditEntry entry : batch.page()) {
        count++;
        boolean intact =
            entry.seq() == lastSeq + 1
                && entry.prevHash().equals(expectedPrev)
                && (entry.seq() < start.seq() ? unkeyed : keyed).hash(entry).equals(entry.hash())
                && (start.genuine() || entry.seq() < start.seq());
        if (!intact && firstInvalid == null) {
          firstInvalid = entry.seq();
        }
        lastSeq = entry.seq();
        expectedPrev = entry.hash();
      }
      if (!batch.cut() && batch.rows().size() < BATCH) {
        return new AuditVerification(count, firstInvalid == null, firstInvalid);
      }
    }
  }
}
