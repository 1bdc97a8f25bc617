package dev.cairn.registry.alias;

import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import io.helidon.dbclient.DbExecute;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code Idempotency-Key}: the first request with a key claims it inside its own transaction; a
 * repeat waits for that transaction and then gets the stored answer. A failed request rolls its
 * claim back, so it may be retried. Keys are kept 24 hours.
 */
final class IdempotencyKeys {

  static final Duration KEPT = Duration.ofHours(24);

  private static final String EXPIRE =
      "DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND created_at < ?";
  private static final String CLAIM =
      "INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (scope, key) DO NOTHING";
  private static final String STORED =
      "SELECT request_hash, status, body FROM idempotency_keys WHERE scope = ? AND key = ?";
  private static final String ANSWER =
      "UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND key = ?";

  /** The stored first answer of a key. */
  record Answer(int status, String body) {}

  /** Claims {@code key}; returns the stored answer when a previous request already made it. */
  Optional<Answer> claim(DbExecute tx, String scope, String key, String requestHash) {
    if (key.isBlank() || key.length() > 255) {
      throw ApiException.badRequest("Idempotency-Key must be 1 to 255 characters");
    }
    tx.dml(EXPIRE, scope, key, Rows.param(Rows.now().minus(KEPT)));
    if (tx.dml(CLAIM, scope, key, requestHash, Rows.param(Rows.now())) == 1) {
      return Optional.empty();
    }
    var row = tx.get(STORED, scope, key).orElseThrow();
    if (!requestHash.equals(Rows.string(row, "request_hash"))) {
      throw ApiException.conflict(
          "IDEMPOTENCY_KEY_REUSED",
          "Idempotency-Key '" + key + "' was already used for a different request");
    }
    return Optional.of(
        new Answer(((Number) Rows.raw(row, "status")).intValue(), Rows.string(row, "body")));
  }

  void answer(DbExecute tx, String scope, String key, int status, String body) {
    tx.dml(ANSWER, status, body, scope, key);
  }
}
