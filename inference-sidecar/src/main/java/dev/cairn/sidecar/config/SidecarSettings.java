package dev.cairn.sidecar.config;

import dev.cairn.runtime.onnx.OnnxSettings;
import dev.cairn.signing.SigstoreTrustedRoots;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sidecar's configuration, from exactly the environment variables of spec 50: {@code
 * CAIRN_REGISTRY_URL}, {@code CAIRN_REGISTRY_TOKEN_FILE} / {@code CAIRN_REGISTRY_TOKEN} (the file
 * wins), {@code CAIRN_PROJECT}, {@code CAIRN_MODEL}, {@code CAIRN_ALIAS} ({@code production}),
 * {@code CAIRN_CACHE_DIR} ({@code <tmp>/cairn-sidecar-cache}, kept across restarts so an offline
 * start finds it), {@code CAIRN_CACHE_MAX_BYTES} (10 GiB), {@code CAIRN_SIDECAR_HOST} / {@code
 * CAIRN_SIDECAR_PORT} (0.0.0.0:9000), {@code CAIRN_IMAGE_ROOTS} (none) and {@code
 * CAIRN_INSTANCE_ID} (the pod name from {@code HOSTNAME}), {@code CAIRN_STALL_SECONDS} (30: no byte
 * from the registry for this long fails the call), the limits on {@code /inspect}'s images ({@link
 * ImageLimits}), the fleet settings ({@link FleetSettings}) and the signature requirement ({@link
 * SignatureSettings}): {@code model} is the one model of a single-model sidecar, null for a fleet.
 * The re-resolve (60 s) and report (10 s) periods are fixed by the spec; tests shorten them through
 * {@link #withPeriods}. Reading the environment is {@link SidecarEnv}'s; a copy with some fields
 * changed (the {@code withX} methods) is {@link SidecarSettingsCopy}'s, so that this record states
 * the contract only.
 */
public record SidecarSettings(
    URI registry,
    String token,
    String project,
    String model,
    String alias,
    Path cacheDir,
    long cacheMaxBytes,
    String host,
    int port,
    List<Path> imageRoots,
    String instanceId,
    Duration reresolveEvery,
    Duration reportEvery,
    OnnxSettings onnx,
    FleetSettings fleet,
    Duration stall,
    ImageLimits images,
    SignatureSettings signatures) {

  public static final long DEFAULT_CACHE_MAX_BYTES = 10L << 30;

  /** Every variable the sidecar reads. */
  public static final Set<String> VARIABLES =
      Set.of(
          "CAIRN_REGISTRY_URL",
          "CAIRN_REGISTRY_TOKEN_FILE",
          "CAIRN_REGISTRY_TOKEN",
          "CAIRN_PROJECT",
          "CAIRN_MODEL",
          "CAIRN_ALIAS",
          "CAIRN_CACHE_DIR",
          "CAIRN_CACHE_MAX_BYTES",
          "CAIRN_SIDECAR_HOST",
          "CAIRN_SIDECAR_PORT",
          "CAIRN_IMAGE_ROOTS",
          "CAIRN_INSTANCE_ID",
          "CAIRN_MODELS",
          "CAIRN_MODEL_SELECTOR",
          "CAIRN_PRELOAD",
          "CAIRN_MAX_LOADED_MODELS",
          "CAIRN_MAX_LOADED_BYTES",
          "CAIRN_STALL_SECONDS",
          "CAIRN_MAX_IMAGES_PER_REQUEST",
          "CAIRN_MAX_REQUEST_PIXELS",
          "CAIRN_MAX_DECODING_BYTES",
          "CAIRN_REQUIRE_SIGNATURE",
          "CAIRN_TRUSTED_KEYS",
          "CAIRN_TRUSTED_ROOTS",
          SigstoreTrustedRoots.VARIABLE);

  /** The settings the environment gives (spec 50's variables); a bad one is refused. */
  public static SidecarSettings fromEnv(Map<String, String> env) {
    return SidecarEnv.read(env);
  }

  /** Whether this sidecar serves one model (the pre-fleet shape of everything it reports). */
  public boolean singleModel() {
    return model != null;
  }

  /**
   * Settings for a sidecar embedded in another process (tests, benchmarks): loopback, a free port,
   * alias {@code production}, no image roots, the spec's periods, one ONNX thread each way.
   */
  public static SidecarSettings loopback(
      URI registry, String token, String project, String model, Path cacheDir, String instanceId) {
    return new SidecarSettings(
        registry,
        token,
        project,
        model,
        "production",
        cacheDir,
        DEFAULT_CACHE_MAX_BYTES,
        "127.0.0.1",
        0,
        List.of(),
        instanceId,
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        new OnnxSettings(1, 1),
        FleetSettings.single(model),
        Duration.ofSeconds(30),
        ImageLimits.defaults(),
        SignatureSettings.OFF);
  }

  /** The same settings with {@code /inspect} allowed to read under {@code roots}. */
  public SidecarSettings withImageRoots(List<Path> roots) {
    return new SidecarSettingsCopy(this).imageRoots(roots).build();
  }

  /** The same settings with other re-resolve and report periods. */
  public SidecarSettings withPeriods(Duration reresolve, Duration report) {
    return new SidecarSettingsCopy(this).periods(reresolve, report).build();
  }

  /**
   * The same settings serving {@code newFleet} instead (a fleet: {@code model} becomes null unless
   * the fleet is a single named model).
   */
  public SidecarSettings withFleet(FleetSettings newFleet) {
    String single =
        newFleet.selector().isEmpty() && newFleet.models().size() == 1 && model != null
            ? newFleet.models().get(0)
            : null;
    return new SidecarSettingsCopy(this).fleet(newFleet, single).build();
  }

  /** The same settings with another stall timeout for registry calls. */
  public SidecarSettings withStall(Duration newStall) {
    return new SidecarSettingsCopy(this).stall(newStall).build();
  }

  /** The same settings with other limits on the images of {@code /inspect}. */
  public SidecarSettings withImageLimits(ImageLimits limits) {
    return new SidecarSettingsCopy(this).images(limits).build();
  }

  /** The same settings with another signature requirement (issue 28 item 4). */
  public SidecarSettings withSignatures(SignatureSettings newSignatures) {
    return new SidecarSettingsCopy(this).signatures(newSignatures).build();
  }
}
