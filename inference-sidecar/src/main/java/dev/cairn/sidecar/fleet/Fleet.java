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
import dev.cairn.sidecar.report.InstanceReporter;
import dev.cairn.sidecar.serving.ServingSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
  private final LoadBounds bounds;
  private final RegistryHealth health;
  private final SidecarMetrics metrics;
  private final ArtifactCache cache;
  private final Map<String, ServedModel> models = new ConcurrentHashMap<>();
  private final List<ScheduledExecutorService> schedulers;
  private EventSubscriber events;
  private final FleetHealth status;

  /** The fleet of {@code settings}, started: selected, subscribed, preloaded. */
  public static Fleet start(
      SidecarSettings settings,
      CairnClient client,
      ArtifactCache cache,
      ModelRuntimes runtimes,
      SidecarMetrics metrics,
      ObjectMapper json) {
    RegistryHealth health = new RegistryHealth(settings.registry());
    // Resolves never wait behind instance reports: each has threads of its own.
    ScheduledExecutorService follows =
        Executors.newScheduledThreadPool(
            4, r -> Thread.ofPlatform().daemon().name("cairn-follow").unstarted(r));
    ScheduledExecutorService reports =
        Executors.newScheduledThreadPool(
            2, r -> Thread.ofPlatform().daemon().name("cairn-report").unstarted(r));
    Fleet fleet =
        new Fleet(
            settings,
            new ServedModels(settings, client, cache, runtimes, health, follows, reports, json),
            new ModelDirectory(client, settings.project(), settings.fleet()),
            health,
            metrics,
            cache,
            List.of(follows, reports));
    fleet.start();
    return fleet;
  }

  private Fleet(
      SidecarSettings settings,
      ServedModels factory,
      ModelDirectory directory,
      RegistryHealth health,
      SidecarMetrics metrics,
      ArtifactCache cache,
      List<ScheduledExecutorService> schedulers) {
    this.schedulers = schedulers;
    this.settings = settings;
    this.factory = factory;
    this.directory = directory;
    this.bounds =
        new LoadBounds(settings.fleet().maxLoadedModels(), settings.fleet().maxLoadedBytes());
    this.health = health;
    this.metrics = metrics;
    this.cache = cache;
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
          ServedModel[] self = new ServedModel[1];
          self[0] =
              factory.create(
                  n,
                  labels,
                  new SwapListener(() -> self[0], models::values, bounds, metrics, cache),
                  this::snapshot);
          // A fleet's reports are spread over the period, not sent by every model at once.
          long spread = settings.singleModel() ? 0 : settings.reportEvery().toMillis();
          self[0].start(
              Duration.ofMillis(
                  java.util.concurrent.ThreadLocalRandom.current().nextLong(spread + 1)));
          return self[0];
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

  private InstanceReporter.Snapshot snapshot(ServedModel m) {
    String state = status.state(m);
    return new InstanceReporter.Snapshot(
        m.manager().current(),
        "COLD".equals(state) || "UNLOADED".equals(state) ? "LOADING" : state,
        status.lastError(m),
        m.wanted());
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
          .min(java.util.Comparator.comparing(ServedModel::name));
    }
    return models.size() == 1 ? models.values().stream().findFirst() : Optional.empty();
  }

  /**
   * Holds the set of {@code m} for one request, loading a cold model first (the request waits up to
   * {@code timeout}); the caller releases it.
   */
  public ServingSet acquire(ServedModel m, Duration timeout) throws InterruptedException {
    long asked = System.nanoTime();
    if (m.use()) {
      m.awaitServing(timeout, asked);
      // The bound holds when the answer leaves, not only once the swap listener has run.
      bounds.enforce(models.values(), m);
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
    schedulers.forEach(ScheduledExecutorService::shutdownNow);
  }
}
