package dev.cairn.sidecar.fleet;

import dev.cairn.client.EventSubscriber;
import dev.cairn.sidecar.follow.RegistryHealth;
import dev.cairn.sidecar.report.InstanceReporter;
import dev.cairn.sidecar.serving.ServingState;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * How the fleet stands with the registry, for {@code /status}, the sidecar's state and the instance
 * reports: a model READY on its own is DEGRADED while the registry refuses the token or the event
 * stream is down, and the refusal is named before the model's own failure.
 */
public final class FleetHealth {

  /** A stream down this long (a reconnect takes far less) makes the sidecar DEGRADED. */
  private static final Duration EVENTS_GRACE = Duration.ofSeconds(2);

  private final RegistryHealth health;
  private final Supplier<EventSubscriber> events;
  private final Supplier<Collection<ServedModel>> models;

  FleetHealth(
      RegistryHealth health,
      Supplier<EventSubscriber> events,
      Supplier<Collection<ServedModel>> models) {
    this.health = health;
    this.events = events;
    this.models = models;
  }

  /**
   * A model's state, DEGRADED besides when the registry refuses the token or the stream is down.
   */
  public ServingState state(ServedModel m) {
    return m.state().degradedWhen(registryRefusal() != null || eventsDown());
  }

  /** What {@code m}'s instance report says now; a model not wanted is not reported. */
  InstanceReporter.Snapshot snapshot(ServedModel m) {
    return new InstanceReporter.Snapshot(
        m.manager().current(), state(m).reported(), lastError(m), m.wanted());
  }

  /** The registry's refusal of the token first, then the model's own failure. */
  public String lastError(ServedModel m) {
    String refusal = registryRefusal();
    return refusal != null ? refusal : m.lastError();
  }

  /** {@code REGISTRY_UNAUTHORIZED} or {@code REGISTRY_FORBIDDEN} while the registry refuses us. */
  public String registryRefusal() {
    EventSubscriber stream = events.get();
    if (stream != null && stream.lastStatus() >= 400) {
      health.answered(stream.lastStatus()); // the stream's own 401/403 counts too
    }
    return health.refusal();
  }

  /** Whether the event stream has been down longer than a reconnect takes. */
  public boolean eventsDown() {
    EventSubscriber stream = events.get();
    return stream == null || stream.disconnectedFor().compareTo(EVENTS_GRACE) > 0;
  }

  public long lastEventId() {
    EventSubscriber stream = events.get();
    return stream == null ? -1 : stream.lastEventId();
  }

  /** Whether every wanted model's last resolve reached the registry, and the stream is up. */
  public boolean registryReachable() {
    return models.get().stream().filter(ServedModel::wanted).allMatch(m -> m.follower().reachable())
        && !eventsDown();
  }
}
