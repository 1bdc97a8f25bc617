package dev.cairn.cli;

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

  @Option(names = "--count", description = "Stop after this many events.")
  Integer count;

  @Option(names = "--timeout", description = "Stop after this many seconds (exit 5).")
  Long timeoutSeconds;

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
        throw new ExitCodes.Failure(
            ExitCodes.TIMEOUT, "no more events within " + timeoutSeconds + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One line per event; the registry already left out other types ({@code ?type=}). */
  private synchronized void print(RegistryEvent event, CountDownLatch remaining) {
    try {
      terminal.out().println(LINES.writeValueAsString(event));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (count != null) {
      remaining.countDown();
    }
  }
}
