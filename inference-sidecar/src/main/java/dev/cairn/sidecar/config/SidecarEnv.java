package dev.cairn.sidecar.config;

import dev.cairn.client.process.EnvValues;
import dev.cairn.runtime.onnx.OnnxSettings;
import dev.cairn.signing.SigstoreTrustedRoots;
import dev.cairn.signing.TrustPolicies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Reads {@link SidecarSettings} from the environment variables of spec 50. */
final class SidecarEnv {

  static final String SIGSTORE_TRUSTED_ROOT = SigstoreTrustedRoots.VARIABLE;

  private SidecarEnv() {}

  static SidecarSettings read(Map<String, String> env) {
    URI registry = EnvValues.url("CAIRN_REGISTRY_URL", required(env, "CAIRN_REGISTRY_URL"));
    String project = required(env, "CAIRN_PROJECT");
    FleetSettings fleet = fleet(env);
    return new SidecarSettings(
        registry,
        token(env).orElse(null),
        project,
        value(env, "CAIRN_MODEL").orElse(null),
        value(env, "CAIRN_ALIAS").orElse("production"),
        value(env, "CAIRN_CACHE_DIR")
            .map(Path::of)
            .orElse(Path.of(System.getProperty("java.io.tmpdir"), "cairn-sidecar-cache")),
        EnvValues.number(
            env, "CAIRN_CACHE_MAX_BYTES", SidecarSettings.DEFAULT_CACHE_MAX_BYTES, Long.MAX_VALUE),
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
        OnnxSettings.DEFAULTS,
        fleet,
        Duration.ofSeconds(EnvValues.number(env, "CAIRN_STALL_SECONDS", 30, 3600)),
        imageLimits(env),
        signatures(env));
  }

  private static ImageLimits imageLimits(Map<String, String> env) {
    return new ImageLimits(
        (int)
            positive(
                env,
                "CAIRN_MAX_IMAGES_PER_REQUEST",
                ImageLimits.DEFAULT_MAX_IMAGES_PER_REQUEST,
                10_000),
        positive(
            env,
            "CAIRN_MAX_REQUEST_PIXELS",
            ImageLimits.DEFAULT_MAX_REQUEST_PIXELS,
            Long.MAX_VALUE),
        positive(
            env, "CAIRN_MAX_DECODING_BYTES", ImageLimits.defaultDecodingBytes(), Long.MAX_VALUE));
  }

  /**
   * CAIRN_REQUIRE_SIGNATURE and its trust files. A listed file that cannot be read is refused at
   * start: a sidecar that trusted nothing would refuse every version with a misleading code.
   */
  private static SignatureSettings signatures(Map<String, String> env) {
    boolean required =
        value(env, "CAIRN_REQUIRE_SIGNATURE")
            .map(v -> bool("CAIRN_REQUIRE_SIGNATURE", v))
            .orElse(false);
    List<Path> keys = paths(env, "CAIRN_TRUSTED_KEYS");
    List<Path> roots = paths(env, "CAIRN_TRUSTED_ROOTS");
    for (Path file : concat(keys, roots)) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("trust file " + file + " cannot be read");
      }
    }
    if (!required && (!keys.isEmpty() || !roots.isEmpty())) {
      throw new IllegalArgumentException(
          "CAIRN_TRUSTED_KEYS/CAIRN_TRUSTED_ROOTS are set but CAIRN_REQUIRE_SIGNATURE is not true");
    }
    if (!required && value(env, SIGSTORE_TRUSTED_ROOT).isPresent()) {
      throw new IllegalArgumentException(
          SIGSTORE_TRUSTED_ROOT + " is set but CAIRN_REQUIRE_SIGNATURE is not true");
    }
    // Read once now: a file that is no trusted root fails the start, not every keyless load.
    Optional<byte[]> sigstoreRoot =
        SigstoreTrustedRoots.fromSetting(value(env, SIGSTORE_TRUSTED_ROOT).orElse(null));
    try {
      TrustPolicies.fromPemFiles(keys, roots); // a file that is not PEM fails the start, not a load
    } catch (IOException e) {
      throw new UncheckedIOException("trust files cannot be read", e);
    }
    return new SignatureSettings(required, keys, roots, sigstoreRoot);
  }

  private static List<Path> paths(Map<String, String> env, String name) {
    return value(env, name)
        .map(
            list ->
                Arrays.stream(list.split(","))
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .map(Path::of)
                    .toList())
        .orElse(List.of());
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  /** A limit of 0 would refuse every image: refused at start instead. */
  private static long positive(Map<String, String> env, String name, long fallback, long max) {
    long value = EnvValues.number(env, name, fallback, max);
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not '" + value + "'");
    }
    return value;
  }

  /** Exactly one of CAIRN_MODEL, CAIRN_MODELS and CAIRN_MODEL_SELECTOR. */
  private static FleetSettings fleet(Map<String, String> env) {
    Optional<String> one = value(env, "CAIRN_MODEL");
    Optional<String> list = value(env, "CAIRN_MODELS");
    Optional<String> selector = value(env, "CAIRN_MODEL_SELECTOR");
    long given = Stream.of(one, list, selector).filter(Optional::isPresent).count();
    if (given != 1) {
      throw new IllegalArgumentException(
          "set exactly one of CAIRN_MODEL, CAIRN_MODELS and CAIRN_MODEL_SELECTOR");
    }
    int maxModels =
        (int)
            EnvValues.number(
                env,
                "CAIRN_MAX_LOADED_MODELS",
                FleetSettings.DEFAULT_MAX_LOADED_MODELS,
                Integer.MAX_VALUE);
    long maxBytes =
        EnvValues.number(
            env, "CAIRN_MAX_LOADED_BYTES", FleetSettings.DEFAULT_MAX_LOADED_BYTES, Long.MAX_VALUE);
    boolean preload =
        value(env, "CAIRN_PRELOAD").map(v -> bool("CAIRN_PRELOAD", v)).orElse(selector.isEmpty());
    List<String> models =
        one.map(List::of)
            .orElseGet(
                () ->
                    list.stream()
                        .flatMap(l -> Arrays.stream(l.split(",")))
                        .map(String::strip)
                        .filter(m -> !m.isEmpty())
                        .toList());
    return new FleetSettings(
        models,
        selector.map(FleetSettings::parseSelector).orElse(Map.of()),
        preload,
        maxModels,
        maxBytes);
  }

  private static boolean bool(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
    };
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
