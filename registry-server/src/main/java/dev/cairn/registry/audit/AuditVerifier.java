package dev.cairn.registry.audit;

import dev.cairn.client.model.AuditEntry;
import dev.cairn.client.model.AuditVerification;
import dev.cairn.registry.db.BytePages;

/**
 * Recomputes the whole chain in batches (never the whole log in memory) and reports the first entry
 * whose link, hash or sequence number does not hold, counting every entry.
 */
public final class AuditVerifier {

  private static final int BATCH = 1000;

  private final AuditRepository repository;

  public AuditVerifier(AuditRepository repository) {
    this.repository = repository;
  }

  public AuditVerification verify() {
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
                && AuditChain.hash(entry).equals(entry.hash());
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
