package dev.cairn.registry.config;

import static dev.cairn.registry.config.ConfigValues.integer;
import static dev.cairn.registry.config.ConfigValues.number;
import static dev.cairn.registry.config.ConfigValues.optional;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@link RegistrySettings}: each {@code CAIRN_*} environment variable overrides its key in
 * {@code application.yaml}. The environment is passed in, so tests configure a server without
 * touching the process environment. This class owns the variable names and the checks that span
 * groups (environment, origins); a group with rules of its own reads and checks its keys in its
 * record ({@link BlobSettings#read}, {@link ReferenceSettings#read}, {@link SessionSettings#read},
 * {@link WebhookSettings#read}, {@link SigningSettings#read}).
 */
public final class SettingsLoader {

  /** Environment variable → configuration key under {@code cairn}. */
  static final Map<String, String> ENVIRONMENT_KEYS =
      Map.ofEntries(
          Map.entry("CAIRN_HOST", "host"),
          Map.entry("CAIRN_PORT", "port"),
          Map.entry("CAIRN_DATA_DIR", "data-dir"),
          Map.entry("CAIRN_DB_URL", "db.url"),
          Map.entry("CAIRN_DB_USER", "db.user"),
          Map.entry("CAIRN_DB_PASSWORD", "db.password"),
          Map.entry("CAIRN_DB_POOL_SIZE", "db.pool-size"),
          Map.entry("CAIRN_DB_OWNER_USER", "db.owner-user"),
          Map.entry("CAIRN_DB_OWNER_PASSWORD", "db.owner-password"),
          Map.entry("CAIRN_ENVIRONMENT", "environment"),
          Map.entry("CAIRN_TOKENS_FILE", "auth.tokens-file"),
          Map.entry("CAIRN_SIGNING_KEYS", "auth.signing-keys-file"),
          Map.entry("CAIRN_BOOTSTRAP_ADMIN_TOKEN", "auth.bootstrap-admin-token"),
          Map.entry("CAIRN_AUDIT_KEY", "audit.key"),
          Map.entry("CAIRN_JWT_JWKS_URL", "auth.jwt.jwks-url"),
          Map.entry("CAIRN_JWT_JWKS_FILE", "auth.jwt.jwks-file"),
          Map.entry("CAIRN_JWT_ISSUER", "auth.jwt.issuer"),
          Map.entry("CAIRN_JWT_AUDIENCE", "auth.jwt.audience"),
          Map.entry("CAIRN_JWT_ROLES_CLAIM", "auth.jwt.roles-claim"),
          Map.entry("CAIRN_JWT_PROJECTS_CLAIM", "auth.jwt.projects-claim"),
          Map.entry("CAIRN_ALLOWED_ORIGINS", "allowed-origins"),
          Map.entry("CAIRN_MAX_JSON_BYTES", "limits.max-json-bytes"),
          Map.entry("CAIRN_MAX_METADATA_BYTES", "limits.max-metadata-bytes"),
          Map.entry("CAIRN_ACCESS_LOG", "logging.access"),
          Map.entry("CAIRN_EXTRA_FORMATS", "versions.extra-formats"),
          Map.entry("CAIRN_MAX_CONNECTIONS", "http.max-connections"),
          Map.entry("CAIRN_IDLE_TIMEOUT_SECONDS", "http.idle-timeout-seconds"),
          Map.entry("CAIRN_MAX_FILE_BYTES", "limits.max-file-bytes"),
          Map.entry("CAIRN_SCRUB_BYTES_PER_SECOND", "integrity.scrub-bytes-per-second"),
          Map.entry("CAIRN_SCRUB_INTERVAL_SECONDS", "integrity.scrub-interval-seconds"),
          Map.entry("CAIRN_BLOB_STORE", "blobs.store"),
          Map.entry("CAIRN_S3_ENDPOINT", "blobs.s3.endpoint"),
          Map.entry("CAIRN_S3_REGION", "blobs.s3.region"),
          Map.entry("CAIRN_SSE_HEARTBEAT_SECONDS", "events.heartbeat-seconds"),
          Map.entry("CAIRN_EVENT_RETENTION_HOURS", "events.retention-hours"),
          Map.entry("CAIRN_FILE_ROOTS", "references.file-roots"),
          Map.entry("CAIRN_FILE_ROOTS_ALLOW_HARD_LINKS", "references.file-roots-allow-hard-links"),
          Map.entry("CAIRN_ALLOW_HTTP_REFERENCES", "references.allow-http"),
          Map.entry("CAIRN_ALLOW_LINK_LOCAL_REFERENCES", "references.allow-link-local"),
          Map.entry("CAIRN_REFERENCE_ALLOW_CIDRS", "references.allow-cidrs"),
          Map.entry("CAIRN_SESSION_MAX_HOURS", "sessions.max-hours"),
          Map.entry("CAIRN_SESSION_SECURE_COOKIE", "sessions.secure-cookie"),
          Map.entry("CAIRN_RESOLVE_CACHE_SIZE", "resolve.cache-size"),
          Map.entry("CAIRN_MLFLOW_DEFAULT_PROJECT", "mlflow.default-project"),
          // Issue 30: webhooks.
          Map.entry("CAIRN_WEBHOOK_RETRY_SECONDS", "webhooks.retry-seconds"),
          Map.entry("CAIRN_WEBHOOK_ALLOW_HTTP", "webhooks.allow-http"),
          Map.entry("CAIRN_WEBHOOK_ALLOW_CIDRS", "webhooks.allow-cidrs"),
          // Issue 28: keyless signatures.
          Map.entry(SigningSettings.VARIABLE, "signing.sigstore-trusted-root"));

  private SettingsLoader() {}

  /** Every variable the registry reads (the settings, plus the refused CAIRN_AUTH_DISABLED). */
  public static Set<String> variables() {
    Set<String> names = new TreeSet<>(ENVIRONMENT_KEYS.keySet());
    names.add("CAIRN_AUTH_DISABLED");
    return names;
  }

  public static RegistrySettings load(Map<String, String> environment) {
    if (environment.containsKey("CAIRN_AUTH_DISABLED")) {
      throw new StartupException(
          "CAIRN_AUTH_DISABLED is set, but authentication cannot be disabled in Cairn: "
              + "remove the variable and use a token (see README, Configuration).");
    }
    Map<String, String> overrides = new HashMap<>();
    ENVIRONMENT_KEYS.forEach(
        (variable, key) -> {
          String value = environment.get(variable);
          if (value != null && !value.isBlank()) {
            overrides.put("cairn." + key, value.trim());
          }
        });
    Config config =
        Config.builder()
            .disableEnvironmentVariablesSource()
            .disableSystemPropertiesSource()
            .sources(ConfigSources.create(overrides), ConfigSources.classpath("application.yaml"))
            .build()
            .get("cairn");
    return fromConfig(config, environment);
  }

  private static RegistrySettings fromConfig(Config c, Map<String, String> env) {
    Optional<String> dbUrl = optional(c, "db.url");
    String environment =
        optional(c, "environment").orElse(dbUrl.isEmpty() ? "development" : "production");
    if (!environment.equals("development") && !environment.equals("production")) {
      throw new StartupException(
          "CAIRN_ENVIRONMENT must be 'development' or 'production', not '" + environment + "'.");
    }
    List<String> origins =
        optional(c, "allowed-origins").stream()
            .flatMap(s -> Arrays.stream(s.split(",")))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    if ("production".equals(environment) && origins.contains("*")) {
      throw new StartupException(
          "CAIRN_ALLOWED_ORIGINS may not be '*' in production: list the allowed origins.");
    }
    return new RegistrySettings(
        c.get("host").asString().orElse("0.0.0.0"),
        integer(c, "port", 8080),
        Path.of(c.get("data-dir").asString().orElse("./cairn-data")).toAbsolutePath().normalize(),
        dbUrl,
        c.get("db.user").asString().orElse("postgres"),
        c.get("db.password").asString().orElse(""),
        optional(c, "db.owner-user")
            .map(user -> new DbOwner(user, c.get("db.owner-password").asString().orElse(""))),
        environment,
        optional(c, "auth.tokens-file").map(Path::of),
        optional(c, "auth.signing-keys-file").map(Path::of),
        optional(c, "auth.bootstrap-admin-token"),
        optional(c, "audit.key"),
        new JwtSettings(
            optional(c, "auth.jwt.jwks-url"),
            optional(c, "auth.jwt.jwks-file").map(Path::of),
            optional(c, "auth.jwt.issuer"),
            optional(c, "auth.jwt.audience"),
            c.get("auth.jwt.roles-claim").asString().orElse("roles"),
            c.get("auth.jwt.projects-claim").asString().orElse("projects")),
        origins,
        c.get("limits.max-json-bytes").asLong().orElse(1024L * 1024),
        c.get("limits.max-metadata-bytes").asLong().orElse(64L * 1024),
        optional(c, "versions.extra-formats").stream()
            .flatMap(s -> Arrays.stream(s.split(",")))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList(),
        AccessLog.parse(c.get("logging.access").asString().orElse("api")),
        new ConnectionLimits(
            integer(c, "http.max-connections", 1000),
            Duration.ofSeconds(integer(c, "http.idle-timeout-seconds", 60))),
        integer(c, "db.pool-size", defaultPoolSize()),
        new ScrubSettings(
            number(c, "integrity.scrub-bytes-per-second", 8L * 1024 * 1024),
            Duration.ofSeconds(number(c, "integrity.scrub-interval-seconds", 86_400))),
        BlobSettings.read(c, env),
        Duration.ofSeconds(integer(c, "events.heartbeat-seconds", 15)),
        Duration.ofHours(integer(c, "events.retention-hours", 7 * 24)),
        ReferenceSettings.read(c),
        SessionSettings.read(c, environment),
        resolveCacheSize(c),
        mlflowDefaultProject(c),
        WebhookSettings.read(c),
        SigningSettings.read(c));
  }

  /**
   * The project whose models MLflow clients name bare ({@code model} for {@code project.model});
   * unset, every MLflow name carries its project.
   */
  private static Optional<String> mlflowDefaultProject(Config c) {
    Optional<String> project = optional(c, "mlflow.default-project").map(String::trim);
    project.ifPresent(
        name -> {
          try {
            Names.project(name);
          } catch (ApiException e) {
            throw new StartupException(
                "CAIRN_MLFLOW_DEFAULT_PROJECT must be a project name (a DNS-1123 label), not '"
                    + name
                    + "'.");
          }
        });
    return project;
  }

  private static int resolveCacheSize(Config c) {
    int size = integer(c, "resolve.cache-size", 10_000);
    if (size < 1) {
      throw new StartupException(
          "CAIRN_RESOLVE_CACHE_SIZE must be at least 1 (resolutions cached), not " + size + ".");
    }
    return size;
  }

  /**
   * Two connections per core, at least 4 (HikariCP's pool-sizing rule, for a database on this
   * machine's cores, as the embedded one is). More connections than that only queue at the audit
   * chain lock: on 2 cores, 32 writers made 1,200 alias PUTs/s through 32 connections and 1,750/s
   * through 4 (benchmarks/README.md). Set CAIRN_DB_POOL_SIZE for a database with more cores.
   */
  static int defaultPoolSize() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }
}
