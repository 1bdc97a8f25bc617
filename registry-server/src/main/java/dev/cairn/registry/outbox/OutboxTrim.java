package dev.cairn.registry.outbox;

import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;

/**
 * Review 12 item 14: the outbox and its attempt log are kept as long as the events they came from
 * ({@code CAIRN_EVENT_RETENTION_HOURS}) and trimmed with them. Only finished deliveries go
 * (DELIVERED or FAILED, and not delivered since the cutoff by a redelivery): a pending one is still
 * owed to its receiver however old it is. Attempts go with their delivery (ON DELETE CASCADE).
 */
public final class OutboxTrim {

  private static final String TRIM =
      "DELETE FROM webhook_deliveries WHERE state IN (?, ?) AND created_at < ?"
          + " AND (delivered_at IS NULL OR delivered_at < ?)";

  private OutboxTrim() {}

  /** Deletes finished deliveries older than {@code cutoff}; how many. */
  public static long before(DbExecute tx, Instant cutoff) {
    return tx.dml(
        TRIM,
        DeliveryState.DELIVERED.name(),
        DeliveryState.FAILED.name(),
        Rows.param(cutoff),
        Rows.param(cutoff));
  }
}
