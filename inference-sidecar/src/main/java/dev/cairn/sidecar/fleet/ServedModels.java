package dev.cairn.sidecar.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.config.ModelSettings;
import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.follow.RegistryFollower;
import dev.cairn.sidecar.follow.RegistryHealth;
import dev.cairn.sidecar.report.InstanceReporter;
import dev.cairn.sidecar.serving.LastGoodState;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.SetLoader;
import dev.cairn.sidecar.serving.SignatureGate;
import dev.cairn.sidecar.serving.TargetResolver;
import dev.cairn.sidecar.serving.TargetSet;
import java.util.List;
import java.util.Map;

/**
 * Builds one {@link ServedModel} from what the whole fleet shares (client, cache, runtimes,
 * registry health, threads) and the model's own {@link ModelSettings}. Each part is built whole,
 * with no reference to the model; the model binds itself to them when it starts.
 */
final class ServedModels {

  private final SidecarSettings settings;
  private final CairnClient client;
  private final RegistryHealth health;
  private final FleetThreads threads;
  private final ArtifactCache cache;
  private final ModelRuntimes runtimes;
  private final ObjectMapper json;

  ServedModels(
      SidecarSettings settings,
      CairnClient client,
      RegistryHealth health,
      FleetThreads threads,
      ArtifactCache cache,
      ModelRuntimes runtimes,
      ObjectMapper json) {
    this.settings = settings;
    this.client = client;
    this.health = health;
    this.threads = threads;
    this.cache = cache;
    this.runtimes = runtimes;
    this.json = json;
  }

  ServedModel create(
      String model, Map<String, String> labels, SwapEffects effects, FleetHealth fleetHealth) {
    ModelSettings own = ModelSettings.of(settings, model);
    ModelManager manager =
        new ModelManager(
            new SetLoader(
                client,
                cache,
                runtimes,
                own.ref(),
                SignatureGate.of(settings.signatures(), client, settings.cacheDir(), own.ref())),
            TargetSet.none(List.of(), null));
    RegistryFollower follower =
        new RegistryFollower(
            new TargetResolver(client, own.ref()), health, own.reresolveEvery(), threads.follows());
    InstanceReporter reporter =
        new InstanceReporter(
            client, own.ref(), own.instanceId(), own.reportEvery(), health, threads.reports());
    LastGoodState lastGood = new LastGoodState(settings.cacheDir(), own.stateFile(), json);
    return new ServedModel(
        model,
        labels,
        new ServedModel.Parts(manager, follower, reporter, lastGood),
        effects,
        fleetHealth);
  }
}
