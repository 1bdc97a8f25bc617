package dev.cairn.registry.artifact;

import io.helidon.dbclient.DbExecute;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * A transaction-scoped advisory lock per blob digest. Uploads hold it from before their blob
 * becomes visible until the row referencing it commits; the garbage collector holds it while it
 * checks for references and deletes. So a blob is never collected under a running upload.
 */
final class BlobLocks {

  /** Keeps blob locks apart from the audit-chain lock and any other advisory lock. */
  private static final long NAMESPACE = 0x426c6f6200000000L;

  private BlobLocks() {}

  static void lock(DbExecute tx, String sha256) {
    long key = NAMESPACE ^ HexFormat.fromHexDigits(sha256.substring(0, 8));
    tx.get("SELECT pg_advisory_xact_lock(?) IS NULL AS locked", key);
  }

  /** Locks several digests in a fixed order, so two transactions never wait on each other. */
  static void lockAll(DbExecute tx, Collection<String> sha256s) {
    new TreeSet<>(sha256s).forEach(sha -> lock(tx, sha));
  }
}
