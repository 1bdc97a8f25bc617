package dev.cairn.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.RegistryEvent;
import dev.cairn.client.retry.Backoff;
import dev.cairn.client.sse.EventStreamReader;
import dev.cairn.client.sse.EventStreamReader.Comment;
import dev.cairn.client.sse.EventStreamReader.Event;
import dev.cairn.client.sse.EventStreamReader.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a project's event stream on a background thread: delivers events in order, and when the
 * connection drops reconnects with exponential backoff (100 ms doubling to 5 s, plus up to half as
 * much again of random jitter so many subscribers do not reconnect in step) and resumes with {@code
 * Last-Event-ID}, so no event is skipped or delivered twice. A stream that delivers nothing for two
 * heartbeats (the period the registry announces in its first comment, 15 s if it does not) counts
 * as dead and is reopened, so a registry that hangs is noticed as surely as one that closes.
 *
 * <p>One class at about 230 lines on purpose: the reconnect loop, the backoff and the stall
 * watchdog all act on the same connection state (last event id, status, disconnected-since), while
 * the stream parsing ({@code EventStreamReader}), backoff ({@code Backoff}) and stall timing
 * ({@code StallGuard}) already live in their own classes.
 */
public final class EventSubscriber implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EventSubscriber.class.getName());
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.5);
  private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  private static final Pattern ANNOUNCED = Pattern.compile("heartbeat (\\d{1,5}) s");

  private final HttpClient http;
  private final URI stream;
  private final String token;
  private final Consumer<RegistryEvent> consumer;
  private final ObjectMapper json = CairnJson.lenientMapper();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long lastId;
  private volatile InputStream current;
  private volatile boolean connected;
  private volatile long disconnectedSince = System.nanoTime();
  private volatile int lastStatus;

  private EventSubscriber(
      HttpClient http, URI stream, String token, long after, Consumer<RegistryEvent> consumer) {
    this.http = http;
    this.stream = stream;
    this.token = token;
    this.lastId = after;
    this.consumer = consumer;
    this.thread = Thread.ofPlatform().daemon().name("cairn-events").unstarted(this::run);
  }

  /**
   * Starts following {@code project}'s events after {@code after} (0: from the start of retention;
   * negative: only new events), restricted to {@code models} when not empty.
   */
  public static EventSubscriber start(
      URI registry,
      String token,
      String project,
      List<String> models,
      long after,
      Consumer<RegistryEvent> consumer) {
    return start(registry, token, project, new Filter(models, List.of()), after, consumer);
  }

  /** Which events a stream carries: these models and these types (empty: all of them). */
  public record Filter(List<String> models, List<String> types) {}

  /** The same, the registry sending only the events {@code filter} selects. */
  public static EventSubscriber start(
      URI registry,
      String token,
      String project,
      Filter filter,
      long after,
      Consumer<RegistryEvent> consumer) {
    QueryString qs =
        new QueryString().addAll("model", filter.models()).addAll("type", filter.types());
    URI stream =
        registry.resolve("/api/v1/projects/" + QueryString.encode(project) + "/events" + qs);
    EventSubscriber subscriber =
        new EventSubscriber(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
            stream,
            token,
            after,
            consumer);
    subscriber.thread.start();
    return subscriber;
  }

  /** The id of the last event delivered (the resume point). */
  public long lastEventId() {
    return lastId;
  }

  /** Whether a stream is open right now. */
  public boolean connected() {
    return connected;
  }

  /** How long no stream has been open (zero while one is). */
  public Duration disconnectedFor() {
    return connected ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - disconnectedSince);
  }

  /** The HTTP status of the last attempt to open the stream (0 before any answer). */
  public int lastStatus() {
    return lastStatus;
  }

  private void run() {
    Backoff.Sequence failures = BACKOFF.sequence();
    while (running) {
      try {
        if (follow()) {
          failures.reset();
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "event stream dropped: " + ErrorText.of(e));
      } catch (InterruptedException e) {
        return;
      } finally {
        if (connected) {
          disconnectedSince = System.nanoTime();
        }
        connected = false;
      }
      if (!running) {
        return;
      }
      try {
        Thread.sleep(failures.next());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Reads one connection until it ends; true if it delivered at least the connection. */
  private boolean follow() throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (lastId >= 0) {
      request.header("Last-Event-ID", Long.toString(lastId));
    }
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    lastStatus = response.statusCode();
    StallGuard.Watched watched =
        StallGuard.watch(response.body(), DEFAULT_HEARTBEAT.multipliedBy(2).plusSeconds(1));
    try (InputStream body = watched;
        EventStreamReader reader = new EventStreamReader(body, HttpTransport.MAX_ANSWER_BYTES)) {
      if (response.statusCode() != 200) {
        throw new IOException("event stream answered " + response.statusCode());
      }
      current = body;
      connected = true;
      readEvents(reader, watched);
      return true;
    }
  }

  /**
   * Reads events until the stream ends. One event may not pass {@link
   * HttpTransport#MAX_ANSWER_BYTES}: a line without end from a lying server drops the connection
   * instead of filling the heap. An event without an id cannot be resumed from, so it is skipped.
   */
  private void readEvents(EventStreamReader reader, StallGuard.Watched watched) throws IOException {
    Optional<Frame> frame;
    while (running && (frame = reader.next()).isPresent()) {
      switch (frame.get()) {
        case Event event when event.id().isPresent() ->
            deliver(Long.parseLong(event.id().get().trim()), event.type(), event.data());
        case Event ignored -> {
          // Nothing to resume from: not delivered, as before.
        }
        case Comment comment -> {
          Matcher announced = ANNOUNCED.matcher(comment.text());
          if (announced.find()) {
            // Dead after two missed heartbeats, with a second of grace.
            Duration every = Duration.ofSeconds(Long.parseLong(announced.group(1)));
            watched.stallAfter(every.multipliedBy(2).plusSeconds(1));
          }
        }
      }
    }
  }

  private void deliver(long id, String type, String data) throws IOException {
    if (id <= lastId && !"reset".equals(type)) {
      return;
    }
    consumer.accept(new RegistryEvent(id, type, json.readTree(data)));
    lastId = id;
  }

  @Override
  public void close() {
    running = false;
    InputStream body = current;
    if (body != null) {
      try {
        body.close();
      } catch (IOException ignored) {
        // Closing only wakes the reader.
      }
    }
    thread.interrupt();
  }
}
