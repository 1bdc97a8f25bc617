package dev.cairn.sidecar.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.follow.RegistryFollower;
import dev.cairn.sidecar.follow.RegistryHealth;
import dev.cairn.sidecar.report.InstanceReporter;
import dev.cairn.sidecar.serving.LastGoodState;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.SetLoader;
import dev.cairn.sidecar.serving.TargetResolver;
import dev.cairn.sidecar.serving.TargetSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Builds the parts of one {@link ServedModel} from what the whole fleet shares (client, cache,
 * runtimes, registry health, scheduler). A single-model sidecar keeps the names it always had: its
 * reports use the instance id and its state file is {@code state.json}; a fleet's model reports as
 * {@code <instance>.<model>} and keeps {@code state-<model>.json}.
 */
final class ServedModels {

  private final SidecarSettings settings;
  private final CairnClient client;
  private final ArtifactCache cache;
  private final ModelRuntimes runtimes;
  private final RegistryHealth health;
  private final ScheduledExecutorService follows;
  private final ScheduledExecutorService reports;
  private final ObjectMapper json;

  ServedModels(
      SidecarSettings settings,
      CairnClient client,
      ArtifactCache cache,
      ModelRuntimes runtimes,
      RegistryHealth health,
      ScheduledExecutorService follows,
      ScheduledExecutorService reports,
      ObjectMapper json) {
    this.settings = settings;
    this.client = client;
    this.cache = cache;
    this.runtimes = runtimes;
    this.health = health;
    this.follows = follows;
    this.reports = reports;
    this.json = json;
  }

  ServedModel create(
      String model,
      Map<String, String> labels,
      ModelManager.Listener listener,
      Function<ServedModel, InstanceReporter.Snapshot> snapshotOf) {
    String project = settings.project();
    ModelManager manager =
        new ModelManager(
            new SetLoader(client, cache, runtimes, project, model),
            listener,
            TargetSet.none(List.of(), null));
    AtomicReference<ServedModel> self = new AtomicReference<>();
    RegistryFollower follower =
        new RegistryFollower(
            new TargetResolver(client, project, model, settings.alias()),
            manager::offer,
            () -> self.get() != null && self.get().wanted(),
            health,
            settings.alias(),
            settings.reresolveEvery(),
            follows);
    InstanceReporter reporter =
        new InstanceReporter(
            client,
            project,
            model,
            settings.alias(),
            settings.singleModel() ? settings.instanceId() : settings.instanceId() + "." + model,
            () -> snapshotOf.apply(self.get()),
            settings.reportEvery(),
            health,
            reports);
    LastGoodState lastGood =
        new LastGoodState(
            settings.cacheDir(),
            settings.singleModel() ? "state.json" : "state-" + model + ".json",
            json);
    ServedModel served = new ServedModel(model, labels, manager, follower, reporter, lastGood);
    self.set(served);
    return served;
  }
}
