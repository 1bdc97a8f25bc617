package dev.cairn.operator.registry;

import dev.cairn.client.EventSubscriber;
import dev.cairn.client.model.RegistryEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Follows the registry's event stream of every project the operator has resources in, and tells the
 * reconcilers which (project, model) changed, so a version turning READY, an alias moving or an
 * instance report re-reconciles the resources about that model at once instead of at the next
 * resync. A {@code reset} event (resume point past retention) wakes every resource of the project.
 */
public final class RegistryEventRelay implements AutoCloseable {

  /** Model name given to listeners when every model of the project may have changed. */
  public static final String ALL_MODELS = "*";

  private final URI registry;
  private final String token;
  private final Map<String, EventSubscriber> followed = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

  public RegistryEventRelay(URI registry, String token) {
    this.registry = registry;
    this.token = token;
  }

  /** Calls {@code listener} with (project, model) for every event about a model. */
  public void addListener(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  /** Starts following {@code project} (only events from now on) unless already following it. */
  public void follow(String project) {
    followed.computeIfAbsent(
        project, p -> EventSubscriber.start(registry, token, p, List.of(), -1, e -> deliver(p, e)));
  }

  private void deliver(String project, RegistryEvent event) {
    String model;
    if ("reset".equals(event.type())) {
      model = ALL_MODELS;
    } else if (event.data() != null && event.data().hasNonNull("model")) {
      model = event.data().get("model").asText();
    } else {
      return;
    }
    listeners.forEach(l -> l.accept(project, model));
  }

  @Override
  public void close() {
    followed.values().forEach(EventSubscriber::close);
    followed.clear();
  }
}
