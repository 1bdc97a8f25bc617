package dev.cairn.registry.paging;

import dev.cairn.registry.db.Db;
import java.security.SecureRandom;

/**
 * Secrets every replica must share (the page-token key), created by whichever replica starts first
 * and read by the others.
 */
public final class ServerSecrets {

  private final Db db;

  public ServerSecrets(Db db) {
    this.db = db;
  }

  public byte[] get(String name) {
    byte[] candidate = new byte[32];
    new SecureRandom().nextBytes(candidate);
    return db.inTransaction(
        tx -> {
          tx.dml(
              "INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
              name,
              candidate);
          return tx.get("SELECT value FROM server_secrets WHERE name = ?", name)
              .map(row -> row.column("value").get(byte[].class))
              .orElseThrow();
        });
  }
}
