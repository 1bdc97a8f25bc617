package dev.cairn.sidecar.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.EventSubscriber;
import dev.cairn.client.model.RegistryEvent;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.follow.RegistryHealth;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ServingSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The models one sidecar serves (one, a list, or a label selector), each a {@link ServedModel} on
 * its own, behind one event stream for the whole project: events reach the model they name, model
 * events add and drop selected models, and what is loaded stays within {@link LoadBounds}.
 */
public final class Fleet implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Fleet.class.getName());

  private final SidecarSettings settings;
  private final ServedModels factory;
  private final ModelDirectory directory;
  private final RegistryHealth health;
  private final FleetThreads threads;
  private final Map<String, ServedModel> models = new ConcurrentHashMap<>();
  private final SwapEffects effects;
  private final FleetHealth status;
  private EventSubscriber events;

  /** The fleet of {@code settings}, started: selected, subscribed, preloaded. */
  public static Fleet start(
      SidecarSettings settings,
      CairnClient client,
      ArtifactCache cache,
      ModelRuntimes runtimes,
      SidecarMetrics metrics,
      ObjectMapper json) {
    RegistryHealth health = new RegistryHealth(settings.registry());
    FleetThreads threads = FleetThreads.start();
    Fleet fleet =
        new Fleet(
            settings,
            new ServedModels(settings, client, health, threads, cache, runtimes, json),
            new ModelDirectory(client, settings.project(), settings.fleet()),
            health,
            threads,
            metrics,
            cache);
    fleet.start();
    return fleet;
  }

  private Fleet(
      SidecarSettings settings,
      ServedModels factory,
      ModelDirectory directory,
      RegistryHealth health,
      FleetThreads threads,
      SidecarMetrics metrics,
      ArtifactCache cache) {
    this.settings = settings;
    this.factory = factory;
    this.directory = directory;
    this.health = health;
    this.threads = threads;
    LoadBounds bounds =
        new LoadBounds(settings.fleet().maxLoadedModels(), settings.fleet().maxLoadedBytes());
    this.effects = new SwapEffects(models::values, bounds, metrics, cache);
    this.status = new FleetHealth(health, () -> events, models::values);
  }

  /** Selects, subscribes (before resolving, so no event is missed), then preloads. */
  private void start() {
    Map<String, Map<String, String>> selected;
    try {
      selected = directory.selected();
    } catch (RuntimeException e) {
      health.failed(e);
      LOG.warning("the registry could not list the selected models: " + e.getMessage());
      selected = Map.of();
    }
    selected.forEach(this::add);
    events =
        EventSubscriber.start(
            settings.registry(),
            settings.token(),
            settings.project(),
            settings.singleModel() ? List.of(settings.model()) : List.of(),
            -1,
            this::onEvent);
    if (settings.fleet().preload()) {
      models.values().forEach(ServedModel::load);
    }
  }

  private ServedModel add(String name, Map<String, String> labels) {
    return models.computeIfAbsent(
        name,
        n -> {
          ServedModel m = factory.create(n, labels, effects, status);
          // A fleet's reports are spread over the period, not sent by every model at once.
          long spread = settings.singleModel() ? 0 : settings.reportEvery().toMillis();
          m.start(Duration.ofMillis(ThreadLocalRandom.current().nextLong(spread + 1)));
          return m;
        });
  }

  private void onEvent(RegistryEvent event) {
    if ("reset".equals(event.type())) {
      models.values().forEach(m -> m.follower().onEvent(event));
      return;
    }
    String model = event.data().path("model").asText(null);
    if (model == null) {
      return;
    }
    if (event.type().startsWith("model.")) {
      reselect(model);
    }
    Optional.ofNullable(models.get(model)).ifPresent(m -> m.follower().onEvent(event));
  }

  /** A model was created or changed: add it, relabel it, or drop it. */
  private void reselect(String model) {
    try {
      Optional<Map<String, String>> labels = directory.recheck(model);
      ServedModel current = models.get(model);
      if (labels.isPresent() && current == null) {
        ServedModel added = add(model, labels.get());
        if (settings.fleet().preload()) {
          added.load();
        }
      } else if (labels.isPresent()) {
        current.relabel(labels.get());
      } else if (current != null) {
        LOG.info(model + ": no longer selected, stops being served");
        models.remove(model);
        current.close();
      }
    } catch (RuntimeException e) {
      health.failed(e);
    }
  }

  /**
   * The model a request names: by {@code model}, else by its {@code sku} and {@code ink} labels.
   */
  public Optional<ServedModel> route(String model, String sku, String ink) {
    if (model != null) {
      return Optional.ofNullable(models.get(model));
    }
    if (sku != null || ink != null) {
      return models.values().stream()
          .filter(m -> sku == null || sku.equals(m.labels().get("sku")))
          .filter(m -> ink == null || ink.equals(m.labels().get("ink")))
          .min(Comparator.comparing(ServedModel::name));
    }
    return models.size() == 1 ? models.values().stream().findFirst() : Optional.empty();
  }

  /**
   * Holds the set of {@code m} for one request, loading a cold model first: the request waits until
   * the load settles, at most {@code timeout}. A load that failed or is still going leaves the
   * request with what serves (nothing yet), which its answer says. The caller releases the set.
   */
  public ServingSet acquire(ServedModel m, Duration timeout) throws InterruptedException {
    CompletableFuture<Void> loading = m.use();
    try {
      loading.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      LOG.fine(m.name() + ": the load a request waited for failed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      m.abandon(loading);
      LOG.info(
          m.name() + ": still loading after " + timeout.toSeconds() + " s; requests stop waiting");
    }
    return m.manager().acquire();
  }

  /** Every served model by name. */
  public Map<String, ServedModel> models() {
    return new TreeMap<>(models);
  }

  /** States, errors and the registry's reachability, for {@code /status} and reports. */
  public FleetHealth health() {
    return status;
  }

  @Override
  public void close() {
    if (events != null) {
      events.close();
    }
    models.values().forEach(ServedModel::close);
    threads.close();
  }
}
