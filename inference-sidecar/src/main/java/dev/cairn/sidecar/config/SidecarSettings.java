package dev.cairn.sidecar.config;

import dev.cairn.client.process.EnvValues;
import dev.cairn.runtime.onnx.OnnxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sidecar's configuration, from exactly the environment variables of spec 50: {@code
 * CAIRN_REGISTRY_URL}, {@code CAIRN_REGISTRY_TOKEN_FILE} / {@code CAIRN_REGISTRY_TOKEN} (the file
 * wins), {@code CAIRN_PROJECT}, {@code CAIRN_MODEL}, {@code CAIRN_ALIAS} ({@code production}),
 * {@code CAIRN_CACHE_DIR} ({@code <tmp>/cairn-sidecar-cache}, kept across restarts so an offline
 * start finds it), {@code CAIRN_CACHE_MAX_BYTES} (10 GiB), {@code CAIRN_SIDECAR_HOST} / {@code
 * CAIRN_SIDECAR_PORT} (0.0.0.0:9000), {@code CAIRN_IMAGE_ROOTS} (none) and {@code
 * CAIRN_INSTANCE_ID} (the pod name from {@code HOSTNAME}). The re-resolve (60 s) and report (10 s)
 * periods are fixed by the spec; tests shorten them through {@link #withPeriods}.
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
    OnnxSettings onnx) {

  public static final long DEFAULT_CACHE_MAX_BYTES = 10L << 30;

  /** Every variable the sidecar reads. */
  public static final java.util.Set<String> VARIABLES =
      java.util.Set.of(
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
          "CAIRN_INSTANCE_ID");

  public static SidecarSettings fromEnv(Map<String, String> env) {
    return new SidecarSettings(
        EnvValues.url("CAIRN_REGISTRY_URL", required(env, "CAIRN_REGISTRY_URL")),
        token(env).orElse(null),
        required(env, "CAIRN_PROJECT"),
        required(env, "CAIRN_MODEL"),
        value(env, "CAIRN_ALIAS").orElse("production"),
        value(env, "CAIRN_CACHE_DIR")
            .map(Path::of)
            .orElse(Path.of(System.getProperty("java.io.tmpdir"), "cairn-sidecar-cache")),
        EnvValues.number(env, "CAIRN_CACHE_MAX_BYTES", DEFAULT_CACHE_MAX_BYTES, Long.MAX_VALUE),
        value(env, "CAIRN_SIDECAR_HOST").orElse("0.0.0.0"),
        (int) EnvValues.number(env, "CAIRN_SIDECAR_PORT", 9000, EnvValues.MAX_PORT),
        value(env, "CAIRN_IMAGE_ROOTS")
            .map(roots -> Arrays.stream(roots.split(",")).map(String::strip))
            .map(roots -> roots.filter(r -> !r.isEmpty()).map(Path::of).toList())
            .orElse(List.of()),
        value(env, "CAIRN_INSTANCE_ID")
            .or(() -> value(env, "HOSTNAME"))
            .orElse("sidecar-" + UUID.randomUUID().toString().substring(0, 8)),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        OnnxSettings.DEFAULTS);
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
        new OnnxSettings(1, 1));
  }

  /** The same settings with {@code /inspect} allowed to read under {@code roots}. */
  public SidecarSettings withImageRoots(List<Path> roots) {
    return new SidecarSettings(
        registry,
        token,
        project,
        model,
        alias,
        cacheDir,
        cacheMaxBytes,
        host,
        port,
        roots,
        instanceId,
        reresolveEvery,
        reportEvery,
        onnx);
  }

  /** The same settings with other re-resolve and report periods. */
  public SidecarSettings withPeriods(Duration reresolve, Duration report) {
    return new SidecarSettings(
        registry,
        token,
        project,
        model,
        alias,
        cacheDir,
        cacheMaxBytes,
        host,
        port,
        imageRoots,
        instanceId,
        reresolve,
        report,
        onnx);
  }

  private static Optional<String> token(Map<String, String> env) {
    Optional<String> file = value(env, "CAIRN_REGISTRY_TOKEN_FILE");
    if (file.isPresent()) {
      try {
        return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new UncheckedIOException("CAIRN_REGISTRY_TOKEN_FILE cannot be read", e);
      }
    }
    return value(env, "CAIRN_REGISTRY_TOKEN");
  }

  private static String required(Map<String, String> env, String name) {
    return value(env, name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
