package dev.cairn.registry.service;

import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.db.Db;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readiness: the database answers a trivial query and the blob store answers too. */
public final class HealthChecks {

  private final Db db;
  private final BlobStore blobs;

  public HealthChecks(Db db, BlobStore blobs) {
    this.db = db;
    this.blobs = blobs;
  }

  /** Each check by name, true when up, in a stable order. */
  public Map<String, Boolean> run() {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    checks.put("database", databaseUp());
    checks.put("blob_store", blobs.healthy());
    return checks;
  }

  private boolean databaseUp() {
    try {
      return db.read(exec -> exec.get("SELECT 1 AS ok").isPresent());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
