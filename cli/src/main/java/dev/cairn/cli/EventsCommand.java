package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.EventSubscriber;
import dev.cairn.client.model.RegistryEvent;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code events watch}: the project's event stream, one JSON object per line, resumed from the last
 * event seen after every reconnect (the client's {@link EventSubscriber}).
 */
@Command(name = "watch", description = "Follow the project's events, one JSON object per line.")
final class EventsCommand extends CliCommand {

  private static final ObjectMapper LINES = new ObjectMapper();

  @Option(names = "--model", description = "Only this model's events (repeatable).")
  List<String> models;

  @Option(
      names = "--type",
      description = "Only events of this type, e.g. alias.updated (repeatable).")
  List<String> types;

  @Option(
      names = "--after",
      defaultValue = "-1",
      description = "Start after this event id (0: every retained event; default: new ones only).")
  long after;

  @Option(
      names = "--count",
      description = "Stop after this many events; fewer by --timeout is exit 5.")
  Integer count;

  @Option(
      names = "--timeout",
      description = "Stop after this many seconds (exit 0, or 5 if --count was not reached).")
  Long timeoutSeconds;

  private volatile int seen; // written by the stream's thread only

  EventsCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  public void run() {
    Session session = session();
    if (session.signs()) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "events watch needs a token, not a signing key");
    }
    CountDownLatch remaining = new CountDownLatch(count == null ? 1 : count);
    try (EventSubscriber events =
        EventSubscriber.start(
            session.server(),
            session.token().orElse(null),
            project(),
            new EventSubscriber.Filter(
                models == null ? List.of() : models, types == null ? List.of() : types),
            after,
            event -> print(event, remaining))) {
      boolean done =
          remaining.await(
              timeoutSeconds == null ? Long.MAX_VALUE : timeoutSeconds, TimeUnit.SECONDS);
      if (!done) {
        ranOut(events, session);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The watch reached its --timeout: it ran its course (exit 0) unless the stream was never open —
   * the registry unreachable or refusing it — or a --count target was not reached (exit 5).
   */
  private void ranOut(EventSubscriber events, Session session) {
    if (!events.connected() && events.lastStatus() == 0) {
      throw new ExitCodes.Failure(
          ExitCodes.UNREACHABLE,
          "registry unreachable at " + session.server() + ": the event stream never opened");
    }
    if (!events.connected() && events.lastStatus() >= 400) {
      throw new ExitCodes.Failure(
          events.lastStatus() == 404 ? ExitCodes.NOT_FOUND : ExitCodes.REFUSED,
          "the registry answered the event stream with HTTP " + events.lastStatus());
    }
    if (count != null) {
      throw new ExitCodes.Failure(
          ExitCodes.TIMEOUT,
          "only " + seen + " of " + count + " events arrived within " + timeoutSeconds + " s");
    }
  }

  /** One line per event; the registry already left out other types ({@code ?type=}). */
  private synchronized void print(RegistryEvent event, CountDownLatch remaining) {
    try {
      terminal.out().println(LINES.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    seen++;
    if (count != null) {
      remaining.countDown();
    }
  }
}
