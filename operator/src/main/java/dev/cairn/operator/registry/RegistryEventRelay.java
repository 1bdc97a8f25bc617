package dev.cairn.operator.registry;

import dev.cairn.client.EventSubscriber;
import dev.cairn.client.model.RegistryEvent;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

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
  void addListener(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  /**
   * Wakes, through {@code source}, every cached resource that {@code wanted} accepts and whose
   * registry project and model ({@code projectOf}, {@code modelOf}) an event is about.
   */
  public <P extends HasMetadata> void wake(
      Cache<P> cache,
      SimpleInboundEventSource<P> source,
      Function<P, String> projectOf,
      Function<P, String> modelOf,
      Predicate<P> wanted) {
    addListener(
        (project, model) ->
            cache
                .list(
                    resource ->
                        project.equals(projectOf.apply(resource))
                            && (ALL_MODELS.equals(model) || model.equals(modelOf.apply(resource)))
                            && wanted.test(resource))
                .forEach(resource -> source.propagateEvent(ResourceID.fromResource(resource))));
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
