package dev.cairn.registry.events;

import dev.cairn.registry.db.DataSourceSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Holds one connection that {@code LISTEN}s for other replicas' commits and wakes the {@link
 * EventFeed}; every second without a notification it catches up anyway, so a lost NOTIFY only
 * delays delivery. It also trims events older than the retention period, and finished webhook
 * deliveries as old ({@link dev.cairn.registry.outbox.OutboxTrim}).
 */
public final class PgEventListener implements AutoCloseable {

  public static final String CHANNEL = "cairn_events";

  private static final Logger LOG = Logger.getLogger(PgEventListener.class.getName());
  private static final int POLL_MILLIS = 1000;
  private static final Duration TRIM_EVERY = Duration.ofHours(1);

  private final DataSourceSpec source;
  private final EventFeed feed;
  private final EventRepository events;
  private final Duration retention;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Connection connection;

  public PgEventListener(
      DataSourceSpec source, EventFeed feed, EventRepository events, Duration retention) {
    this.source = source;
    this.feed = feed;
    this.events = events;
    this.retention = retention;
    this.thread = Thread.ofPlatform().daemon().name("cairn-event-listener").unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  /** False once the thread has ended other than by {@link #close()} (say, an Error). */
  public boolean isAlive() {
    return thread.isAlive() || !running;
  }

  private void run() {
    Instant nextTrim = Instant.now();
    while (running) {
      try (Connection c = connect()) {
        connection = c;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          catchUp(pg.getNotifications(POLL_MILLIS));
          if (Instant.now().isAfter(nextTrim)) {
            events.trimBefore(Instant.now().minus(retention));
            nextTrim = Instant.now().plus(TRIM_EVERY);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.log(Level.WARNING, "event listener lost its connection, retrying: " + e.getMessage());
          pause();
        }
      } catch (Error e) {
        // Not recoverable here (an OutOfMemoryError, say): say so in one line and end, so that
        // liveness reports the dead listener and the process is restarted.
        LOG.log(Level.SEVERE, "event listener stopped: " + e, e);
        return;
      }
    }
  }

  /**
   * After notifications, reads only if they name an event this replica has not delivered yet: its
   * own commits already delivered theirs, so under local load most wake-ups read nothing. Without
   * notifications (the poll timed out) it reads anyway, in case one was lost.
   */
  private void catchUp(PGNotification[] notifications) {
    long newest = -1;
    for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
      newest = Math.max(newest, seqOf(n));
    }
    if (newest < 0) {
      feed.catchUp();
    } else {
      feed.catchUpTo(newest);
    }
  }

  private static long seqOf(PGNotification notification) {
    try {
      return Long.parseLong(notification.getParameter());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // not ours to parse: read whatever is there
    }
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", source.user());
    props.setProperty("password", source.password());
    props.setProperty("connectTimeout", "5");
    Connection c = DriverManager.getConnection(source.url(), props);
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    }
    return c;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Closing wakes the listener thread; a failure here changes nothing.
      }
    }
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
