package dev.cairn.initializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitializerSettingsTest {

  @TempDir Path dir;

  /** Review 12 item 4: the pod's service-account token is for the API server, never sent. */
  @Test
  void defaultsToTheChartServiceAndNoToken() {
    InitializerSettings settings = InitializerSettings.from(Map.of());

    assertThat(settings.registryUrl())
        .isEqualTo(URI.create("http://cairn-registry.cairn-system.svc:8080"));
    assertThat(settings.tokenFile()).isEmpty();
    assertThat(settings.token()).isEmpty();
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
  void aUriNamingTheConfiguredHostWithItsDefaultPortIsTheConfiguredRegistry() {
    InitializerSettings settings = settings("https://reg.local/cairn");

    assertThat(settings.registryFor(CairnUri.parse("cairn://reg.local/ink/m@production")))
        .isEqualTo(URI.create("https://reg.local/cairn"));
    assertThat(settings.registryFor(CairnUri.parse("cairn://REG.local:443/ink/m@production")))
        .isEqualTo(URI.create("https://reg.local/cairn"));
  }

  /** Review 12 item 4: the token is the configured registry's; no URI sends it elsewhere. */
  @Test
  void aUriNamingAnotherHostOrPortIsRefusedAsUsage() {
    InitializerSettings settings = settings("http://reg.local:8080");

    for (String uri :
        List.of(
            "cairn://attacker.example/ink/m@production",
            "cairn://reg.local:9090/ink/m@production",
            "cairn://reg.local/ink/m@production",
            "cairn://reg.local.attacker.example:8080/ink/m@production")) {
      assertThatThrownBy(() -> settings.registryFor(CairnUri.parse(uri)))
          .as(uri)
          .isInstanceOfSatisfying(
              InitFailure.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                assertThat(e.getMessage())
                    .contains("loads only from CAIRN_REGISTRY_URL (reg.local:8080)");
              });
    }
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
  void withoutAFileOrVariableThereIsNoToken() {
    InitializerSettings settings =
        new InitializerSettings(URI.create("http://reg"), Optional.empty(), Optional.empty());

    assertThat(settings.token()).isEmpty();
    assertThat(InitializerSettings.from(Map.of(InitializerSettings.TOKEN, " \n")).token())
        .isEmpty();
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
