package dev.cairn.cli;

import dev.cairn.client.model.Webhook;
import dev.cairn.client.model.WebhookCreate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code webhook create|list|test|deliveries|redeliver} of the current project (admin; issue 30).
 */
final class WebhookCommands {

  static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.of("ID", "id"),
          Output.Column.of("URL", "url"),
          Output.Column.of("EVENTS", "events"),
          Output.Column.of("STATUS", "status"),
          Output.Column.of("FORMAT", "format"),
          Output.Column.wide("DESCRIPTION", "description"),
          Output.Column.wide("CREATED", "created_at"));

  static final List<Output.Column> DELIVERY_COLUMNS =
      List.of(
          Output.Column.of("ID", "id"),
          Output.Column.of("EVENT", "event_type"),
          Output.Column.of("STATE", "state"),
          new Output.Column("ATTEMPTS", false, d -> String.valueOf(d.path("attempts").size())),
          new Output.Column(
              "LAST", false, d -> Output.text(d.path("attempts").path(0).path("status_code"))),
          Output.Column.of("CREATED", "created_at"),
          Output.Column.wide("NEXT", "next_attempt_at"),
          Output.Column.wide("DELIVERED", "delivered_at"));

  private WebhookCommands() {}

  static CommandLine group(Terminal terminal) {
    return Groups.of(
        "webhook",
        "Webhook endpoints of the project and their deliveries (admin).",
        List.of(
            new CreateWebhook(terminal),
            new ListWebhooks(terminal),
            new TestWebhook(terminal),
            new Deliveries(terminal),
            new Redeliver(terminal)));
  }

  @Command(
      name = "create",
      description =
          "A new endpoint; prints its secret, shown this once (whsec_…): store it in the receiver.")
  static final class CreateWebhook extends CliCommand {
    @Parameters(index = "0", description = "https URL the events are POSTed to")
    String url;

    @Option(
        names = "--event",
        required = true,
        description = "event name, entity.* or *; repeat for more")
    List<String> events;

    @Option(names = "--format", description = "standard (default) or mlflow")
    String format;

    @Option(names = "--description")
    String description;

    @Option(names = "--status", description = "ACTIVE (default) or DISABLED")
    String status;

    CreateWebhook(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      Webhook created =
          client()
              .webhooks()
              .create(project(), new WebhookCreate(url, events, status, description, format));
      output().one(created, "id", COLUMNS);
      output().say("secret (shown once): " + created.secret());
    }
  }

  @Command(name = "list", description = "The project's endpoints (no secrets).")
  static final class ListWebhooks extends CliCommand {
    ListWebhooks(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      var all = client().webhooks().list(project());
      output().many(all, "id", COLUMNS, Map.of("items", all));
    }
  }

  @Command(name = "test", description = "Queue a webhook.test event for one endpoint.")
  static final class TestWebhook extends CliCommand {
    @Parameters(index = "0", description = "endpoint id")
    String id;

    TestWebhook(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      String delivery = client().webhooks().test(project(), id);
      output().say("test event queued: delivery " + TerminalText.safe(delivery));
    }
  }

  @Command(name = "deliveries", description = "An endpoint's newest deliveries and their state.")
  static final class Deliveries extends CliCommand {
    @Parameters(index = "0", description = "endpoint id")
    String id;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    Deliveries(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      var deliveries = client().webhooks().deliveries(project(), id, limit);
      output().many(deliveries, "id", DELIVERY_COLUMNS, Map.of("items", deliveries));
    }
  }

  @Command(name = "redeliver", description = "Send a delivery again, with the same webhook-id.")
  static final class Redeliver extends CliCommand {
    @Parameters(index = "0", description = "endpoint id")
    String id;

    @Parameters(index = "1", description = "delivery id")
    String delivery;

    Redeliver(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      client().webhooks().redeliver(project(), id, delivery);
      output().say("delivery " + TerminalText.safe(delivery) + " queued again");
    }
  }
}
