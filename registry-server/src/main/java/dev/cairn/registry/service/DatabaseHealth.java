package dev.cairn.registry.service;

import dev.cairn.registry.db.Db;

/** Readiness of the database: a trivial query answered within the pool's timeout. */
public final class DatabaseHealth {

  private final Db db;

  public DatabaseHealth(Db db) {
    this.db = db;
  }

  public boolean up() {
    try {
      return db.read(exec -> exec.get("SELECT 1 AS ok").isPresent());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
