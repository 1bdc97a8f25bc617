package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The commands NOTES.txt prints after an install work as printed: kubectl applies files and local
 * folders, never a folder URL (it cannot list one), and each file named is one the repository has;
 * in every auth mode the chart offers, the admin token command reads a Secret key the chart renders
 * and the registry accepts.
 */
class ChartNotesTest {

  private static final Pattern APPLIED = Pattern.compile("-f\\s+(\\S+)");

  /**
   * The exact command NOTES prints (issue 26 item 3): {@code kubectl get secret NAME -n NS -o
   * jsonpath='{.data.KEY}' | base64 -d}.
   */
  private static final Pattern READ_SECRET =
      Pattern.compile(
          "kubectl get secret (\\S+) -n (\\S+) -o jsonpath='\\{\\.data\\.([A-Za-z0-9_.-]+)\\}'"
              + " \\| base64 -d");

  /** Each auth mode the chart offers, as the values that select it. */
  static Stream<Arguments> authModes() {
    return Stream.of(
        Arguments.of("the chart's admin token only", (Supplier<Chart>) Chart::defaults),
        Arguments.of(
            "a tokens file",
            (Supplier<Chart>)
                () ->
                    Chart.defaults()
                        .set("auth.tokensSecret", "cairn-tokens")
                        .set("operator.tokenSecret.name", "cairn-operator-token")),
        Arguments.of(
            "JWTs",
            (Supplier<Chart>)
                () ->
                    Chart.defaults()
                        .set("auth.jwt.jwksUrl", "https://idp.example.com/jwks.json")
                        .set("auth.jwt.issuer", "https://idp.example.com")
                        .set("operator.tokenSecret.name", "cairn-operator-token")),
        Arguments.of(
            "a tokens file and JWTs",
            (Supplier<Chart>)
                () ->
                    Chart.defaults()
                        .set("auth.tokensSecret", "cairn-tokens")
                        .set("auth.jwt.jwksUrl", "https://idp.example.com/jwks.json")
                        .set("operator.tokenSecret.name", "cairn-operator-token")),
        Arguments.of(
            "the walk-through (examples/helm/k8s-walkthrough-values.yaml)",
            (Supplier<Chart>)
                () -> Chart.withValues(Repo.resolve("examples/helm/k8s-walkthrough-values.yaml"))),
        Arguments.of(
            "another release name",
            (Supplier<Chart>)
                () ->
                    Chart.defaults()
                        .release("ml")
                        .set("auth.tokensSecret", "t")
                        .set("operator.tokenSecret.name", "o")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authModes")
  void theAdminTokenCommandReadsASecretTheChartRendersAndTheRegistryAccepts(
      String mode, Supplier<Chart> values) {
    String notes = values.get().notes();
    Matcher command = READ_SECRET.matcher(notes);
    assertThat(command.find()).as("NOTES print the admin token command:\n" + notes).isTrue();
    String name = command.group(1);
    String namespace = command.group(2);
    String key = command.group(3);

    Rendered chart = values.get().render();
    Secret secret = chart.get(Secret.class, name);
    assertThat(secret.getMetadata().getNamespace()).isEqualTo(namespace);
    assertThat(secret.getData()).containsKey(key);
    assertThat(Base64.getDecoder().decode(secret.getData().get(key))).hasSizeGreaterThan(32);
    EnvVar admin =
        chart.all(Deployment.class).stream()
            .filter(d -> d.getMetadata().getName().endsWith("-registry"))
            .findFirst()
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .getFirst()
            .getEnv()
            .stream()
            .filter(e -> e.getName().equals("CAIRN_BOOTSTRAP_ADMIN_TOKEN"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the registry is not given the admin token"));
    assertThat(admin.getValueFrom().getSecretKeyRef().getName()).isEqualTo(name);
    assertThat(admin.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(key);
    assertThat(notes).as("NOTES claim nothing the mode does not do").doesNotContain("{{");
  }

  @Test
  void theNotesSayHowPeopleGetATokenInEachMode() {
    assertThat(Chart.defaults().notes()).contains("It is the only identity so far");
    assertThat(
            Chart.defaults()
                .set("auth.tokensSecret", "site-tokens")
                .set("operator.tokenSecret.name", "op")
                .notes())
        .contains("The tokens of the Secret site-tokens (key tokens.yaml) work beside it")
        .doesNotContain("only identity");
    assertThat(
            Chart.defaults()
                .set("auth.jwt.jwksUrl", "https://idp.example.com/jwks.json")
                .set("auth.jwt.rolesClaim", "groups")
                .set("operator.tokenSecret.name", "op")
                .notes())
        .contains("People sign in with a JWT from their identity provider")
        .contains("its \"groups\" claim holds their roles")
        .doesNotContain("only identity");
  }

  @Test
  void everyKubectlApplyInTheNotesNamesFilesTheRepositoryHas() throws IOException {
    String appVersion = appVersion();
    String raw = "https://raw.githubusercontent.com/cairn-dev/cairn/v" + appVersion + "/";
    List<String> applied = new ArrayList<>();
    for (String command : kubectlApplies(appVersion)) {
      Matcher m = APPLIED.matcher(command);
      while (m.find()) {
        applied.add(m.group(1).replaceAll("[).,]+$", ""));
      }
    }

    assertThat(applied).as("what NOTES.txt applies").isNotEmpty();
    for (String target : applied) {
      if (target.startsWith("https://")) {
        assertThat(target).as("a URL kubectl can fetch").startsWith(raw).doesNotEndWith("/");
        assertThat(Repo.resolve(target.substring(raw.length()))).as(target).isRegularFile();
      } else {
        assertThat(Repo.resolve(target)).as(target).exists();
      }
    }
  }

  /** Each {@code kubectl apply} of NOTES.txt as rendered for the chart's version. */
  private static List<String> kubectlApplies(String appVersion) throws IOException {
    String notes =
        Files.readString(Repo.chart().resolve(Path.of("templates", "NOTES.txt")))
            .replace("\\\n", " ")
            .replace("{{ .Chart.AppVersion }}", appVersion);
    List<String> commands = new ArrayList<>();
    Matcher m = Pattern.compile("kubectl apply[^\\n]*").matcher(notes);
    while (m.find()) {
      commands.add(m.group());
    }
    return commands;
  }

  private static String appVersion() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^appVersion:\\s*\"?([^\"\\s]+)")
            .matcher(Files.readString(Repo.chart().resolve("Chart.yaml")));
    assertThat(m.find()).as("Chart.yaml has an appVersion").isTrue();
    return m.group(1);
  }
}
