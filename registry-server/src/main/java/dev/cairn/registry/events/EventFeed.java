package dev.cairn.registry.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers every committed event, in sequence order and exactly once, to this replica's listeners
 * (SSE streams, the resolve cache). An event this replica just committed is delivered from memory
 * when it is the next one (read-your-writes without a query); otherwise, and on a NOTIFY from any
 * replica or a periodic poll in case a notification was lost, it reads the event table after the
 * last sequence it delivered.
 */
public final class EventFeed {

  private static final Logger LOG = Logger.getLogger(EventFeed.class.getName());
  private static final int BATCH = 500;

  private final EventRepository events;
  private final List<Consumer<StoredEvent>> listeners = new CopyOnWriteArrayList<>();
  private long delivered;

  public EventFeed(EventRepository events) {
    this.events = events;
  }

  /** Starts delivering after the newest event that exists now. */
  public synchronized void start() {
    delivered = events.newest();
  }

  public void subscribe(Consumer<StoredEvent> listener) {
    listeners.add(listener);
  }

  public void unsubscribe(Consumer<StoredEvent> listener) {
    listeners.remove(listener);
  }

  /** The last sequence number delivered to listeners. */
  public synchronized long delivered() {
    return delivered;
  }

  /**
   * Delivers at least up to {@code seq}: nothing to read when a concurrent catch-up already
   * delivered it, so under load one query serves many committing threads.
   */
  public synchronized void catchUpTo(long seq) {
    if (delivered < seq) {
      catchUp();
    }
  }

  /**
   * Delivers an event once the transaction that appended it has committed. Sequence numbers are
   * taken under the chain lock held until commit, so every smaller number has committed by now:
   * when one of them is not delivered yet (another thread's after-commit still to run, or another
   * replica's write), the table has them all.
   */
  public synchronized void committed(StoredEvent event) {
    if (event.seq() == delivered + 1) {
      deliver(event);
    } else if (event.seq() > delivered) {
      catchUp();
    }
  }

  /** Reads and delivers everything committed since the last delivery. */
  public synchronized void catchUp() {
    while (true) {
      List<StoredEvent> batch = events.after(delivered, BATCH);
      batch.forEach(this::deliver);
      if (batch.size() < BATCH) {
        return;
      }
    }
  }

  private void deliver(StoredEvent event) {
    for (Consumer<StoredEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "event listener failed on seq " + event.seq(), e);
      }
    }
    delivered = event.seq();
  }
}
