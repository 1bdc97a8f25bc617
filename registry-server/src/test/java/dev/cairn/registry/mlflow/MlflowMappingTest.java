package dev.cairn.registry.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.domain.ApiException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names, versions, filters and artifact paths as plain values (issue 30, item 6). */
class MlflowMappingTest {

  private static final Optional<String> NONE = Optional.empty();
  private static final Optional<String> TEAM = Optional.of("team");

  @Test
  void namesAreProjectDotModelOrBareInTheDefaultProject() {
    assertThat(MlflowName.parse("team.churn", NONE)).isEqualTo(new MlflowName("team", "churn"));
    assertThat(MlflowName.parse("team.a.b", NONE)).isEqualTo(new MlflowName("team", "a.b"));
    assertThat(MlflowName.parse("churn", TEAM)).isEqualTo(new MlflowName("team", "churn"));
    assertThat(MlflowName.of("team", "churn", TEAM)).isEqualTo("churn");
    assertThat(MlflowName.of("team", "a.b", TEAM)).isEqualTo("team.a.b");
    assertThat(MlflowName.of("other", "churn", TEAM)).isEqualTo("other.churn");
    for (String bad : List.of("", "churn", "Team.churn", ".churn", "team.", "team./x", "a b.c")) {
      assertInvalid(() -> MlflowName.parse(bad, NONE));
    }
  }

  @Test
  void versionsNumberedByTheRegistryAreMlflowNumbers() {
    assertThat(MlflowName.mlflowVersion("v12")).isEqualTo("12");
    assertThat(MlflowName.mlflowVersion("v012")).isEqualTo("v012");
    assertThat(MlflowName.mlflowVersion("rc1")).isEqualTo("rc1");
    assertThat(MlflowName.mlflowVersion("v")).isEqualTo("v");
    assertThat(MlflowName.cairnVersion("12")).isEqualTo("v12");
    assertThat(MlflowName.cairnVersion("rc1")).isEqualTo("rc1");
    for (String bad : List.of("", "../v1", "1 OR 1=1", "v1/../v2")) {
      assertInvalid(() -> MlflowName.cairnVersion(bad));
    }
    // Not the registry's numbering (a leading zero, past 18 digits): the name itself.
    assertThat(MlflowName.cairnVersion("0")).isEqualTo("0");
    assertThat(MlflowName.cairnVersion("9".repeat(40))).isEqualTo("9".repeat(40));
  }

  @Test
  void filtersAreAnExactNameOrALiteralPrefix() {
    assertThat(MlflowFilter.parse("name = 'team.churn'", NONE))
        .isEqualTo(new MlflowFilter("team", Optional.of("churn"), "churn"));
    assertThat(MlflowFilter.parse("name='team.churn'", NONE).exactModel()).contains("churn");
    assertThat(MlflowFilter.parse("NAME like \"team.ch%\"", NONE))
        .isEqualTo(MlflowFilter.prefix("team", "ch"));
    assertThat(MlflowFilter.parse("name LIKE 'team.%'", NONE))
        .isEqualTo(MlflowFilter.prefix("team", ""));
    assertThat(MlflowFilter.parse("name LIKE 'ch%'", TEAM))
        .isEqualTo(MlflowFilter.prefix("team", "ch"));
    assertThat(MlflowFilter.parse("", TEAM)).isEqualTo(MlflowFilter.prefix("team", ""));
    assertThat(MlflowFilter.likePrefix("a\\_b\\%%")).isEqualTo("a_b%");
    assertThat(MlflowFilter.likePrefix("a_b%")).isEqualTo("a_b");
    for (String bad :
        List.of(
            "",
            "name LIKE 'ch%'",
            "name LIKE 'team.%x%'",
            "name LIKE 'team.x'",
            "name != 'team.x'",
            "version = '1'",
            "name = 'team.x' AND name = 'team.y'")) {
      assertInvalid(() -> MlflowFilter.parse(bad, NONE));
    }
    assertThat(MlflowFilter.modelOf("name = 'team.churn'", NONE))
        .isEqualTo(new MlflowName("team", "churn"));
    assertInvalid(() -> MlflowFilter.modelOf("name LIKE 'team.%'", NONE));
  }

  @Test
  void artifactListingsGiveBaseNamesOfPresentFilesAndDirectories() {
    List<VersionFile> files =
        List.of(
            new VersionFile("MLmodel", "a", 3L, "upload", null, true),
            new VersionFile("data/w.bin", "b", 5L, "upload", null, true),
            new VersionFile("data/deep/x.bin", "c", 7L, "upload", null, true),
            new VersionFile("missing.bin", "d", 1L, "upload", null, false));

    MlflowArtifactPath root = MlflowArtifactPath.parse("team/m/v1");
    assertThat(root.list(files))
        .containsExactly(
            new MlflowArtifactPath.Entry("MLmodel", false, 3),
            new MlflowArtifactPath.Entry("data", true, 0));
    assertThat(MlflowArtifactPath.parse("team/m/v1/data/").list(files))
        .containsExactly(
            new MlflowArtifactPath.Entry("w.bin", false, 5),
            new MlflowArtifactPath.Entry("deep", true, 0));
    assertThat(MlflowArtifactPath.parse("team/m/v1/MLmodel").list(files)).isEmpty();
    assertThat(MlflowArtifactPath.downloadUri("team", "m", "v1"))
        .isEqualTo("mlflow-artifacts:/team/m/v1");
  }

  private static void assertInvalid(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("INVALID_PARAMETER_VALUE");
            });
  }
}
