package dev.cairn.registry.webhook;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.outbox.EndpointStatus;
import dev.cairn.registry.outbox.WebhookEvents;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What an endpoint may say: a target {@link WebhookTargets} permits, 1 to {@value #MAX_EVENTS}
 * event names ({@link WebhookEvents#validSubscription}), a status, a format, a plain description.
 */
final class WebhookRules {

  static final int MAX_EVENTS = 32;
  private static final int MAX_DESCRIPTION = 1000;

  /** The fields as they will be stored. */
  record Checked(
      String url, List<String> events, EndpointStatus status, String description, String format) {}

  private final WebhookTargets targets;

  WebhookRules(WebhookTargets targets) {
    this.targets = targets;
  }

  Checked check(String url, List<String> events, String status, String description, String format) {
    if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
      throw ApiException.badRequest("events must list 1 to " + MAX_EVENTS + " event names");
    }
    // The refused names are counted, not echoed: they are the caller's own, possibly hostile, text.
    long bad = events.stream().filter(e -> !WebhookEvents.validSubscription(e)).count();
    if (bad > 0) {
      throw ApiException.badRequest(
              "events may name only entity.action, entity.* or * (entities: "
                  + String.join(", ", WebhookEvents.ENTITIES.stream().sorted().toList())
                  + ")")
          .with("invalid_events", bad);
    }
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals(SignedRequest.STANDARD) && !f.equals(SignedRequest.MLFLOW)) {
      throw ApiException.badRequest("format must be 'standard' or 'mlflow'");
    }
    EndpointStatus s;
    try {
      s = EndpointStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("status must be ACTIVE or DISABLED");
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw ApiException.badRequest(
          "description is longer than " + MAX_DESCRIPTION + " characters");
    }
    return new Checked(
        targets.check(url),
        List.copyOf(new LinkedHashSet<>(events)),
        s,
        Text.lines("description", description),
        f);
  }
}
