package dev.cairn.registry.events;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Server-Sent Event streams of one project: replay from the event table after the resume point,
 * then follow live events from the {@link EventFeed}, with heartbeat comments. Subscribing before
 * the replay and skipping what was already sent makes the hand-over gap-free and duplicate-free.
 */
public final class EventStreams {

  private static final int BATCH = 500;
  private static final int QUEUE_LIMIT = 10_000;
  private static final StoredEvent CLOSE = new StoredEvent(-1, null, null, null, null, null);

  private final EventFeed feed;
  private final EventRepository events;
  private final Duration heartbeat;
  private final Set<BlockingQueue<StoredEvent>> open = ConcurrentHashMap.newKeySet();

  public EventStreams(EventFeed feed, EventRepository events, Duration heartbeat) {
    this.feed = feed;
    this.events = events;
    this.heartbeat = heartbeat;
  }

  /** What a subscriber asked for: the project, optional model and type filters, resume point. */
  public record Subscription(
      String project, Set<String> models, Set<String> types, Optional<Long> after) {

    boolean wants(StoredEvent e) {
      return project.equals(e.project())
          && (models.isEmpty() || models.contains(e.model()))
          && (types.isEmpty() || types.contains(e.type()));
    }
  }

  /** Writes the stream until the client goes away, the queue overflows or the server stops. */
  public void stream(Subscription subscription, OutputStream out) throws IOException {
    BlockingQueue<StoredEvent> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    Consumer<StoredEvent> listener =
        e -> {
          if (subscription.project().equals(e.project()) && !queue.offer(e)) {
            // A subscriber this far behind resumes from the table with Last-Event-ID.
            queue.clear();
            queue.offer(CLOSE);
          }
        };
    open.add(queue);
    feed.subscribe(listener);
    try {
      long last = replay(subscription, out);
      // Whatever the replay wrote (a reset included) goes out now, not with the next heartbeat.
      out.flush();
      follow(subscription, queue, last, out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      feed.unsubscribe(listener);
      open.remove(queue);
    }
  }

  /** Ends every open stream (server shutdown); clients reconnect elsewhere and resume. */
  public void closeAll() {
    open.forEach(q -> q.offer(CLOSE));
  }

  private long replay(Subscription subscription, OutputStream out) throws IOException {
    // Announced so a client can count a stream silent for two heartbeats as dead.
    out.write((": heartbeat " + heartbeat.toSeconds() + " s\n\n").getBytes(StandardCharsets.UTF_8));
    long newest = feed.delivered();
    if (subscription.after().isEmpty()) {
      out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
      return newest;
    }
    long last = subscription.after().get();
    Optional<Long> oldest = events.oldest();
    if (last > 0 && oldest.isPresent() && last < oldest.get() - 1) {
      write(
          out,
          Math.max(newest, last),
          "reset",
          "{\"reason\":\"resume point is older than the event retention\",\"oldest\":"
              + oldest.get()
              + "}");
      return Math.max(newest, last);
    }
    long stored = events.newest();
    if (last > stored) {
      // The client saw events this database does not have (restored from a backup): resuming
      // after its id would skip every new event until the sequence caught up.
      write(
          out,
          stored,
          "reset",
          "{\"reason\":\"resume point is newer than the newest event\",\"newest\":" + stored + "}");
      return stored;
    }
    while (true) {
      List<StoredEvent> batch = events.after(subscription.project(), last, BATCH);
      for (StoredEvent e : batch) {
        if (subscription.wants(e)) {
          write(out, e.seq(), e.type(), e.data().toString());
        }
        last = e.seq();
      }
      if (batch.size() < BATCH) {
        return last;
      }
    }
  }

  private void follow(
      Subscription subscription, BlockingQueue<StoredEvent> queue, long last, OutputStream out)
      throws IOException, InterruptedException {
    while (true) {
      StoredEvent e = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
      if (e == CLOSE) {
        return;
      }
      if (e == null) {
        out.write(": heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        continue;
      }
      if (e.seq() <= last) {
        continue;
      }
      last = e.seq();
      if (subscription.wants(e)) {
        write(out, e.seq(), e.type(), e.data().toString());
        out.flush();
      }
    }
  }

  private static void write(OutputStream out, long id, String type, String data)
      throws IOException {
    out.write(
        ("id: " + id + "\nevent: " + type + "\ndata: " + data + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
  }
}
