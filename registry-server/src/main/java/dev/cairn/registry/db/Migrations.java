package dev.cairn.registry.db;

import dev.cairn.registry.config.StartupException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Applies the Flyway migrations in {@code db/migration} before the server listens. */
public final class Migrations {

  private Migrations() {}

  /** Migrates the schema and returns how many migrations were applied now. */
  public static int apply(DataSourceSpec source) {
    try {
      return Flyway.configure()
          .dataSource(source.url(), source.user(), source.password())
          .locations("classpath:db/migration")
          .load()
          .migrate()
          .migrationsExecuted;
    } catch (FlywayException e) {
      throw new StartupException("Database migration failed: " + e.getMessage(), e);
    }
  }
}
