package dev.cairn.sidecar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.CairnJson;
import dev.cairn.client.process.ListenAddress;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.fleet.Fleet;
import dev.cairn.sidecar.fleet.ServedModel;
import dev.cairn.sidecar.http.SidecarHttp;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.ServingState;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * One running sidecar (spec 50): its {@link Fleet} of served models (one, a list, or a selector),
 * and the HTTP server in front of them. Wired by hand; {@link #close()} stops everything.
 */
public final class Sidecar implements AutoCloseable {

  private final SidecarSettings settings;
  private final ArtifactCache cache;
  private final SidecarMetrics metrics;
  private final Fleet fleet;
  private WebServer web;

  private Sidecar(SidecarSettings settings) throws IOException {
    this.settings = settings;
    ObjectMapper json = CairnJson.lenientMapper();
    // Every registry call: 5 s to connect, the stall timeout for the headers and for each byte.
    CairnClient client =
        CairnClient.create(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
            settings.registry(),
            settings.token(),
            settings.stall());
    this.cache = new ArtifactCache(settings.cacheDir(), settings.cacheMaxBytes());
    this.metrics = new SidecarMetrics(this::cacheBytes);
    this.fleet =
        Fleet.start(
            settings, client, cache, ModelRuntimes.standard(settings.onnx()), metrics, json);
  }

  public static Sidecar start(SidecarSettings settings) throws IOException {
    ListenAddress.requireFree(settings.host(), settings.port(), "CAIRN_SIDECAR_PORT");
    Sidecar sidecar = new Sidecar(settings);
    try {
      sidecar.serve();
    } catch (RuntimeException e) {
      sidecar.close();
      throw e;
    }
    return sidecar;
  }

  private void serve() {
    web =
        SidecarHttp.server(
                settings, fleet, metrics, CairnJson.lenientMapper(), this::state, this::ready)
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

  public Fleet fleet() {
    return fleet;
  }

  /** The manager of a single-model sidecar's model. */
  public ModelManager manager() {
    return only().manager();
  }

  /**
   * The sidecar's state: the one model's, or for a fleet the first of its wanted models that is not
   * READY, else READY as seen with the fleet's own trouble (stream down, token refused).
   */
  public ServingState state() {
    if (settings.singleModel()) {
      return fleet.health().state(only());
    }
    return fleet.models().values().stream()
        .filter(ServedModel::wanted)
        .map(fleet.health()::state)
        .filter(s -> s != ServingState.READY)
        .findFirst()
        .orElse(
            ServingState.READY.degradedWhen(
                fleet.health().eventsDown() || fleet.health().registryRefusal() != null));
  }

  /**
   * Ready when every variant of the model is loaded; a fleet is ready once every model it was asked
   * to preload serves (a cold model loads on its first request).
   */
  public boolean ready() {
    return fleet.models().values().stream()
        .filter(ServedModel::wanted)
        .allMatch(ServedModel::ready);
  }

  private ServedModel only() {
    return fleet.models().get(settings.model());
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
    fleet.close();
  }
}
