package dev.cairn.registry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.db.ChainLock;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.service.Liveness;
import dev.cairn.registry.testing.TestRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Finding 1 (zombie): when the event listener thread dies of an Error (an OutOfMemoryError in the
 * reproduction), liveness reports it. Before: the thread died, SSE and the resolve cache went
 * silent, and {@code /health/live} still said 200.
 */
class ListenerLivenessTest {

  @Test
  void aListenerKilledByAnErrorFailsLiveness() throws Exception {
    TestRegistry registry = TestRegistry.shared();
    var source = registry.server().dataSource();
    try (Db db = Db.connect(source, 2)) {
      EventRepository events = new EventRepository(db);
      EventFeed feed = new EventFeed(events);
      feed.start();
      feed.subscribe(
          event -> {
            throw new InternalError("test: an Error ends the listener thread");
          });
      PgEventListener listener = new PgEventListener(source, feed, events, Duration.ofDays(1));
      Liveness liveness = new Liveness();
      liveness.register("event_listener", listener::isAlive);
      listener.start();
      assertThat(liveness.run()).containsEntry("event_listener", true);

      try (Connection c = registry.sql();
          PreparedStatement append =
              c.prepareStatement(
                  "SELECT cairn_append_event(?, now(), 'liveness-test', NULL, 'test', '{}', ?)")) {
        append.setLong(1, ChainLock.KEY);
        append.setString(2, PgEventListener.CHANNEL);
        append.executeQuery().close();
      }

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(liveness.run()).containsEntry("event_listener", false));
      listener.close();
    }
  }
}
