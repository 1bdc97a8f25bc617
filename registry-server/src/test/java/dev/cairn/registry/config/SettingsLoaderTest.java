package dev.cairn.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.registry.RegistryServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from the environment, and the startups Cairn refuses. */
class SettingsLoaderTest {

  @TempDir Path dir;

  @Test
  void defaultsToDevelopmentWithEmbeddedDatabase() {
    RegistrySettings settings = SettingsLoader.load(Map.of());

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.embeddedDatabase()).isTrue();
    assertThat(settings.environment()).isEqualTo("development");
    assertThat(settings.dataDir()).isEqualTo(Path.of("cairn-data").toAbsolutePath());
    assertThat(settings.maxJsonBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void poolHasTwoConnectionsPerCoreAtLeastFourUnlessSet() {
    int cores = Runtime.getRuntime().availableProcessors();

    assertThat(SettingsLoader.load(Map.of()).dbPoolSize()).isEqualTo(Math.max(4, 2 * cores));
    assertThat(SettingsLoader.load(Map.of("CAIRN_DB_POOL_SIZE", "16")).dbPoolSize()).isEqualTo(16);
  }

  @Test
  void environmentOverridesTheYamlDefaults() {
    RegistrySettings settings =
        SettingsLoader.load(
            Map.of(
                "CAIRN_PORT", "9191",
                "CAIRN_DB_URL", "jdbc:postgresql://db:5432/cairn",
                "CAIRN_ALLOWED_ORIGINS", "https://a.test, https://b.test",
                "CAIRN_JWT_ROLES_CLAIM", "groups"));

    assertThat(settings.port()).isEqualTo(9191);
    assertThat(settings.environment()).isEqualTo("production");
    assertThat(settings.allowedOrigins()).containsExactly("https://a.test", "https://b.test");
    assertThat(settings.jwt().rolesClaim()).isEqualTo("groups");
  }

  @Test
  void refusesToDisableAuthentication() {
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("CAIRN_AUTH_DISABLED", "true")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("authentication cannot be disabled");
  }

  @Test
  void refusesWildcardOriginsInProduction() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    Map.of("CAIRN_ENVIRONMENT", "production", "CAIRN_ALLOWED_ORIGINS", "*")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("may not be '*'");
  }

  @Test
  void sessionsLastTwelveHoursWithASecureCookieUnlessSet() {
    SessionSettings defaults = SettingsLoader.load(Map.of()).sessions();
    SessionSettings set =
        SettingsLoader.load(
                Map.of("CAIRN_SESSION_MAX_HOURS", "2", "CAIRN_SESSION_SECURE_COOKIE", "false"))
            .sessions();

    assertThat(defaults.maxLifetime()).hasHours(12);
    assertThat(defaults.secureCookie()).isTrue();
    assertThat(set.maxLifetime()).hasHours(2);
    assertThat(set.secureCookie()).isFalse();
  }

  @Test
  void refusesACookieWithoutSecureInProductionAndANonPositiveSessionLifetime() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    Map.of(
                        "CAIRN_ENVIRONMENT", "production", "CAIRN_SESSION_SECURE_COOKIE", "false")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("plain-HTTP development only");
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("CAIRN_SESSION_MAX_HOURS", "0")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("CAIRN_SESSION_MAX_HOURS");
  }

  @Test
  void mlflowDefaultProjectIsUnsetUnlessGivenAndMustBeAProjectName() {
    assertThat(SettingsLoader.load(Map.of()).mlflowDefaultProject()).isEmpty();
    assertThat(
            SettingsLoader.load(Map.of("CAIRN_MLFLOW_DEFAULT_PROJECT", "team-a"))
                .mlflowDefaultProject())
        .contains("team-a");
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("CAIRN_MLFLOW_DEFAULT_PROJECT", "Team.A")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("CAIRN_MLFLOW_DEFAULT_PROJECT must be a project name");
  }

  @Test
  void resolveCacheHoldsTenThousandResolutionsUnlessSetAndAtLeastOne() {
    assertThat(SettingsLoader.load(Map.of()).resolveCacheSize()).isEqualTo(10_000);
    assertThat(SettingsLoader.load(Map.of("CAIRN_RESOLVE_CACHE_SIZE", "500")).resolveCacheSize())
        .isEqualTo(500);
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("CAIRN_RESOLVE_CACHE_SIZE", "0")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("CAIRN_RESOLVE_CACHE_SIZE must be at least 1");
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("CAIRN_RESOLVE_CACHE_SIZE", "many")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("CAIRN_RESOLVE_CACHE_SIZE must be a number");
  }

  @Test
  void refusesANonNumericPort() {
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("CAIRN_PORT", "eighty")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("must be a number")
        .hasMessageContaining("CAIRN_PORT");
  }

  @Test
  void unreachableExternalDatabaseFailsWithAClearMessage() {
    RegistrySettings settings =
        SettingsLoader.load(
            Map.of(
                "CAIRN_DB_URL", "jdbc:postgresql://127.0.0.1:1/cairn",
                "CAIRN_DB_PASSWORD", "s3cret-password",
                "CAIRN_BOOTSTRAP_ADMIN_TOKEN", "t",
                "CAIRN_PORT", "0",
                "CAIRN_DATA_DIR", dir.toString()));

    assertThatThrownBy(() -> RegistryServer.start(settings))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("Cannot reach the database at jdbc:postgresql://127.0.0.1:1/cairn")
        .hasMessageNotContaining("s3cret-password");
  }

  @Test
  void missingTokensFileRefusesToStart() {
    RegistrySettings settings =
        SettingsLoader.load(
            Map.of(
                "CAIRN_ENVIRONMENT",
                "production",
                "CAIRN_DATA_DIR",
                dir.toString(),
                "CAIRN_PORT",
                "0",
                "CAIRN_TOKENS_FILE",
                dir.resolve("missing.yaml").toString()));

    assertThatThrownBy(() -> RegistryServer.start(settings))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("tokens file");
  }
}
