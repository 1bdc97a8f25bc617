package dev.cairn.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.CairnJson;
import dev.cairn.client.process.ListenAddress;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.follow.RegistryFollower;
import dev.cairn.sidecar.http.SidecarHttp;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.report.InstanceReporter;
import dev.cairn.sidecar.serving.LastGoodState;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.ServingSet;
import dev.cairn.sidecar.serving.SetLoader;
import dev.cairn.sidecar.serving.SwapFailure;
import dev.cairn.sidecar.serving.TargetResolver;
import dev.cairn.sidecar.serving.TargetSet;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One running sidecar (spec 50): resolve and load at start (or the last good set from the cache
 * when the registry is down), follow the registry, swap, report, serve HTTP. Wired by hand; {@link
 * #close()} stops everything.
 */
public final class Sidecar implements AutoCloseable, ModelManager.Listener {

  private static final Logger LOG = Logger.getLogger(Sidecar.class.getName());

  private final SidecarSettings settings;
  private final ArtifactCache cache;
  private final LastGoodState lastGood;
  private final SidecarMetrics metrics;
  private final ModelManager manager;
  private final RegistryFollower follower;
  private final InstanceReporter reporter;
  private volatile boolean served;
  private WebServer web;

  private Sidecar(SidecarSettings settings) throws IOException {
    this.settings = settings;
    ObjectMapper json = CairnJson.lenientMapper();
    CairnClient client = CairnClient.create(settings.registry(), settings.token());
    this.cache = new ArtifactCache(settings.cacheDir(), settings.cacheMaxBytes());
    this.lastGood = new LastGoodState(settings.cacheDir(), json);
    this.metrics = new SidecarMetrics(this::cacheBytes);
    SetLoader loader =
        new SetLoader(
            client,
            cache,
            ModelRuntimes.standard(settings.onnx()),
            settings.project(),
            settings.model());
    this.manager = new ModelManager(loader, this, TargetSet.none(List.of(), null));
    this.follower =
        new RegistryFollower(
            new TargetResolver(client, settings.project(), settings.model(), settings.alias()),
            manager,
            settings.registry(),
            settings.token(),
            settings.project(),
            settings.model(),
            settings.alias(),
            settings.reresolveEvery());
    this.reporter =
        new InstanceReporter(
            client,
            settings.project(),
            settings.model(),
            settings.alias(),
            settings.instanceId(),
            () -> new InstanceReporter.Snapshot(manager.current(), state(), lastError()),
            settings.reportEvery());
  }

  public static Sidecar start(SidecarSettings settings) throws IOException {
    ListenAddress.requireFree(settings.host(), settings.port(), "CAIRN_SIDECAR_PORT");
    Sidecar sidecar = new Sidecar(settings);
    sidecar.begin();
    return sidecar;
  }

  private void begin() {
    manager.start();
    follower.start();
    if (!follower.resolveOnce()) {
      lastGood
          .load()
          .ifPresentOrElse(
              target -> {
                LOG.info("registry unreachable: serving the last good set from the cache");
                manager.offer(target, true);
              },
              () -> LOG.warning("registry unreachable and no cached set: nothing to serve yet"));
      follower.requestResolve();
    } else if (manager.converged()) {
      served = true;
    }
    reporter.start();
    ObjectMapper json = CairnJson.lenientMapper();
    web =
        SidecarHttp.server(
                settings,
                manager,
                metrics,
                json,
                () ->
                    new dev.cairn.sidecar.http.StatusRoutes.Status(
                        manager.current(),
                        state(),
                        lastError(),
                        follower.lastEventId(),
                        follower.reachable()),
                this::ready)
            .build()
            .start();
    if (!web.isRunning() || web.port() < 0) {
      throw ListenAddress.notBound(
          settings.host(), settings.port(), "CAIRN_SIDECAR_PORT", "bind failed");
    }
  }

  public int port() {
    return web.port();
  }

  public ModelManager manager() {
    return manager;
  }

  /** LOADING until a set serves, DEGRADED while the registry is unreachable or a swap failed. */
  public String state() {
    if (!served) {
      return "LOADING";
    }
    return !follower.reachable() || manager.lastFailure() != null ? "DEGRADED" : "READY";
  }

  /** Ready when every variant of the model is loaded. */
  public boolean ready() {
    ServingSet set = manager.current();
    return !set.variants().isEmpty()
        && set.variants().keySet().containsAll(set.target().modelVariants());
  }

  private String lastError() {
    SwapFailure failure = manager.lastFailure();
    return failure == null ? null : failure.code();
  }

  @Override
  public void swapped(ServingSet from, ServingSet to, long prepareNanos) {
    served = true;
    long eventAt = follower.lastEventAtNanos();
    metrics.swapped(eventAt == 0 ? -1 : (System.nanoTime() - eventAt) / 1e9);
    try {
      lastGood.save(to.target());
      Set<String> keep = new HashSet<>();
      to.target()
          .variants()
          .values()
          .forEach(v -> v.files().forEach(f -> keep.add(ArtifactCache.hex(f.sha256()))));
      cache.evict(keep);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "the cache state could not be saved", e);
    }
    reporter.changed();
  }

  @Override
  public void failed(TargetSet target, SwapFailure failure) {
    metrics.swapFailed(failure.code());
    reporter.changed();
  }

  private long cacheBytes() {
    try {
      return cache.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (web != null) {
      web.stop();
    }
    reporter.close();
    follower.close();
    manager.close();
  }
}
