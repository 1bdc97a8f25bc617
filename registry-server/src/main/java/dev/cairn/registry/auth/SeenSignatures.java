package dev.cairn.registry.auth;

import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import java.time.Instant;

/**
 * Signatures already used within their window, kept in the database so every replica sees them: the
 * first use of a signature is recorded, any later one is a replay — unless the first was given back
 * because its body was not the one signed.
 */
final class SeenSignatures {

  private final Db db;

  SeenSignatures(Db db) {
    this.db = db;
  }

  /** True when {@code signature} was not seen before (and is now recorded until {@code until}). */
  boolean firstUse(String keyId, String signature, Instant until) {
    return db.inTransaction(
        tx -> {
          tx.dml(
              "DELETE FROM signed_request_replays WHERE expires_at < ?", Rows.param(Instant.now()));
          long inserted =
              tx.dml(
                  "INSERT INTO signed_request_replays (signature, key_id, expires_at) "
                      + "VALUES (?, ?, ?) ON CONFLICT (signature) DO NOTHING",
                  signature,
                  keyId,
                  Rows.param(until));
          return inserted == 1;
        });
  }

  /** Forgets {@code signature}: its request was refused before it took effect. */
  void release(String signature) {
    db.inTransaction(
        tx -> tx.dml("DELETE FROM signed_request_replays WHERE signature = ?", signature));
  }
}
