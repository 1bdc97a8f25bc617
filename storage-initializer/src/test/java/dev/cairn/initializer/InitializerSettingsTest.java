package dev.cairn.initializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitializerSettingsTest {

  @TempDir Path dir;

  @Test
  void defaultsToTheChartServiceAndTheServiceAccountToken() {
    InitializerSettings settings = InitializerSettings.from(Map.of());

    assertThat(settings.registryUrl())
        .isEqualTo(URI.create("http://cairn-registry.cairn-system.svc:8080"));
    assertThat(settings.tokenFile())
        .isEqualTo(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
  }

  @Test
  void aUriWithoutHostUsesTheConfiguredRegistry() {
    InitializerSettings settings = settings("http://reg.local:8080");

    assertThat(settings.registryFor(CairnUri.parse("cairn://ink/m@production")))
        .isEqualTo(URI.create("http://reg.local:8080"));
  }

  @Test
  void aUriNamingTheConfiguredHostKeepsItsScheme() {
    InitializerSettings settings = settings("http://reg.local:8080");

    assertThat(settings.registryFor(CairnUri.parse("cairn://reg.local:8080/ink/m@production")))
        .isEqualTo(URI.create("http://reg.local:8080"));
  }

  @Test
  void aUriNamingAnotherHostOrPortUsesHttps() {
    InitializerSettings settings = settings("http://reg.local:8080");

    assertThat(settings.registryFor(CairnUri.parse("cairn://other.example/ink/m@production")))
        .isEqualTo(URI.create("https://other.example"));
    assertThat(settings.registryFor(CairnUri.parse("cairn://reg.local:9090/ink/m@production")))
        .isEqualTo(URI.create("https://reg.local:9090"));
    assertThat(settings.registryFor(CairnUri.parse("cairn://reg.local/ink/m@production")))
        .isEqualTo(URI.create("https://reg.local"));
  }

  @Test
  void refusesARegistryUrlThatIsNotHttp() {
    assertThatThrownBy(() -> settings("ftp://reg.local"))
        .isInstanceOfSatisfying(
            InitFailure.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    assertThatThrownBy(() -> settings("not a url"))
        .isInstanceOfSatisfying(
            InitFailure.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @Test
  void readsTheTokenFileStrippingTheNewline() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "s3cret\n");

    assertThat(withToken(file).token()).contains("s3cret");
  }

  @Test
  void aNamedTokenFileThatIsMissingOrEmptyIsAUsageError() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");

    assertThatThrownBy(() -> withToken(dir.resolve("missing")).token())
        .isInstanceOfSatisfying(
            InitFailure.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    assertThatThrownBy(() -> withToken(empty).token())
        .isInstanceOfSatisfying(
            InitFailure.class,
            e -> assertThat(e.getMessage()).contains("is empty").doesNotContain("s3cret"));
  }

  @Test
  void noServiceAccountTokenMeansNoToken() {
    InitializerSettings settings =
        new InitializerSettings(
            URI.create("http://reg"), dir.resolve("absent"), false, Optional.empty());

    assertThat(settings.token()).isEmpty();
  }

  @Test
  void theTokenVariableServesWhenNoFileIsNamedAndANamedFileWins() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "from-file\n");

    assertThat(InitializerSettings.from(Map.of(InitializerSettings.TOKEN, " from-env\n")).token())
        .contains("from-env");
    assertThat(
            InitializerSettings.from(
                    Map.of(
                        InitializerSettings.TOKEN,
                        "from-env",
                        InitializerSettings.TOKEN_FILE,
                        file.toString()))
                .token())
        .contains("from-file");
  }

  private InitializerSettings withToken(Path file) {
    return InitializerSettings.from(
        Map.of(
            InitializerSettings.REGISTRY_URL,
            "http://reg.local",
            InitializerSettings.TOKEN_FILE,
            file.toString()));
  }

  private static InitializerSettings settings(String url) {
    return InitializerSettings.from(Map.of(InitializerSettings.REGISTRY_URL, url));
  }
}
