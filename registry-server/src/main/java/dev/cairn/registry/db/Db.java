package dev.cairn.registry.db;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The registry's database handle: a pooled (Hikari) helidon-dbclient-jdbc client, transactions that
 * roll back on any failure, and translation of connection failures into {@link
 * DatabaseUnavailableException}.
 */
public final class Db implements AutoCloseable {

  private final DbClient client;
  private final DatabaseCircuit circuit =
      new DatabaseCircuit(Duration.ofSeconds(1), System::nanoTime);

  /** Hooks owned by an open transaction (identity-keyed), run once after it commits. */
  private final Map<DbTransaction, Set<Runnable>> onCommit =
      Collections.synchronizedMap(new IdentityHashMap<>());

  private Db(DbClient client) {
    this.client = client;
  }

  /**
   * Runs {@code hook} on the committing thread once {@code tx} has committed, and never if it rolls
   * back. The same hook registered twice in one transaction runs once.
   */
  public void onCommit(DbTransaction tx, Runnable hook) {
    onCommit.computeIfAbsent(tx, t -> new LinkedHashSet<>()).add(hook);
  }

  public static Db connect(DataSourceSpec source, int poolSize) {
    Config config =
        Config.just(
            ConfigSources.create(
                Map.of(
                    "source", "jdbc",
                    "connection.url", source.url(),
                    "connection.username", source.user(),
                    "connection.password", source.password(),
                    "connection.maximumPoolSize", Integer.toString(poolSize),
                    "connection.connectionTimeout", "5000",
                    "connection.poolName", "cairn")));
    return new Db(DbClient.create(config));
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back if it throws. */
  public <T> T inTransaction(Function<DbTransaction, T> work) {
    circuit.beforeCall();
    DbTransaction tx = translate(client::transaction);
    boolean committed = false;
    T result;
    try {
      result = work.apply(tx);
      translate(
          () -> {
            tx.commit();
            return null;
          });
      committed = true;
      circuit.succeeded();
    } catch (RuntimeException e) {
      throw translateFailure(e);
    } finally {
      if (!committed) {
        onCommit.remove(tx);
        rollbackQuietly(tx);
      }
    }
    Set<Runnable> hooks = onCommit.remove(tx);
    for (Runnable hook : hooks == null ? Set.<Runnable>of() : hooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        // The change is committed; a hook (local event delivery) catches up on its next wake.
        Logger.getLogger(Db.class.getName()).warning("after-commit hook failed: " + e.getMessage());
      }
    }
    return result;
  }

  /** Runs {@code work} with auto-committed statements (reads, single writes). */
  public <T> T read(Function<DbExecute, T> work) {
    circuit.beforeCall();
    try {
      T result = work.apply(client.execute());
      circuit.succeeded();
      return result;
    } catch (RuntimeException e) {
      throw translateFailure(e);
    }
  }

  /**
   * Runs a query and maps every row, closing the result stream (and with it the statement and,
   * outside a transaction, the connection) before returning.
   */
  public static <T> List<T> list(
      DbExecute exec, String sql, Function<DbRow, T> mapper, Object... params) {
    try (Stream<DbRow> rows = exec.query(sql, params)) {
      return rows.map(mapper).toList();
    }
  }

  /** Whether {@code e} was caused by a unique-constraint violation. */
  public static boolean isUniqueViolation(Throwable e) {
    return sqlState(e).filter("23505"::equals).isPresent();
  }

  @Override
  public void close() {
    client.close();
  }

  private <T> T translate(Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      throw translateFailure(e);
    }
  }

  private RuntimeException translateFailure(RuntimeException e) {
    if (e instanceof DatabaseUnavailableException) {
      return e;
    }
    if (isConnectionFailure(e)) {
      circuit.failedToConnect();
      return new DatabaseUnavailableException(e);
    }
    return e;
  }

  private static void rollbackQuietly(DbTransaction tx) {
    try {
      tx.rollback();
    } catch (RuntimeException ignored) {
      // The transaction is already lost (connection gone); PostgreSQL discards it by itself.
    }
  }

  private static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }
}
