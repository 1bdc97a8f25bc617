package dev.cairn.registry.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.RegisteredModel;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.ModelVersionsPage;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * The real MLflow Java client ({@code org.mlflow:mlflow-client:2.17.2}) reads and downloads a Cairn
 * model version (issue 30, item 8). Its download runs the Python {@code mlflow} package, which
 * cannot be installed here: {@code MLFLOW_PYTHON_EXECUTABLE} (set by the build) points at {@code
 * src/test/mlflow/python}, which runs {@link MlflowArtifactsCli}, a stand-in for MLflow's artifact
 * CLI written from its HTTP artifact repository; everything else is the client's own.
 */
class MlflowClientTest {

  private static final TestRegistry registry = TestRegistry.shared();
  private static MlflowFixture fixture;

  @BeforeAll
  static void publish() {
    fixture = MlflowFixture.create(registry);
  }

  private static MlflowClient client(String token) {
    return new MlflowClient(new BasicMlflowHostCreds(registry.uri().toString(), token));
  }

  @Test
  void getRegisteredModelShowsAliasesTagsAndTheLatestVersion() {
    RegisteredModel model = client(TestTokens.READER).getRegisteredModel(fixture.name());

    assertThat(model.getName()).isEqualTo(fixture.name());
    assertThat(model.getAliasesList())
        .anySatisfy(
            a -> {
              assertThat(a.getAlias()).isEqualTo("champion");
              assertThat(a.getVersion()).isEqualTo("2");
            });
    assertThat(model.getLatestVersionsList())
        .extracting(ModelVersion::getVersion)
        .containsExactly("2");
    assertThat(model.getTagsList())
        .anySatisfy(
            t -> {
              assertThat(t.getKey()).isEqualTo("cairn.project");
              assertThat(t.getValue()).isEqualTo(fixture.project());
            });
  }

  @Test
  void getLatestVersionsIsTheNewestReadyVersionInStageNone() {
    List<ModelVersion> latest = client(TestTokens.READER).getLatestVersions(fixture.name());

    assertThat(latest).hasSize(1);
    assertThat(latest.get(0).getVersion()).isEqualTo("2");
    assertThat(latest.get(0).getCurrentStage()).isEqualTo("None");
    assertThat(client(TestTokens.READER).getLatestVersions(fixture.name(), List.of("Production")))
        .isEmpty();
  }

  @Test
  void getModelVersionMapsVersionNumbersStatusSourceAndTags() {
    ModelVersion v1 = client(TestTokens.READER).getModelVersion(fixture.name(), "1");

    assertThat(v1.getName()).isEqualTo(fixture.name());
    assertThat(v1.getVersion()).isEqualTo("1");
    assertThat(v1.getStatus().name()).isEqualTo("READY");
    assertThat(v1.getSource()).isEqualTo("mlflow-artifacts:/" + fixture.project() + "/m/v1");
    assertThat(v1.getTagsList())
        .anySatisfy(t -> assertThat(t.getKey()).isEqualTo("cairn.digest"))
        .anySatisfy(
            t -> {
              assertThat(t.getKey()).isEqualTo("cairn.version");
              assertThat(t.getValue()).isEqualTo("v1");
            });
    ModelVersion v2 = client(TestTokens.READER).getModelVersion(fixture.name(), "2");
    assertThat(v2.getAliasesList()).containsExactly("champion");
  }

  @Test
  void searchModelVersionsPagesThroughOneModel() {
    MlflowClient client = client(TestTokens.READER);
    String filter = "name = '" + fixture.name() + "'";

    ModelVersionsPage all = client.searchModelVersions(filter);
    assertThat(all.getItems()).extracting(ModelVersion::getVersion).containsExactly("1", "2");

    ModelVersionsPage first = client.searchModelVersions(filter, 1, List.of());
    assertThat(first.getItems()).extracting(ModelVersion::getVersion).containsExactly("1");
    assertThat(first.hasNextPage()).isTrue();
    ModelVersionsPage second =
        client.searchModelVersions(filter, 1, List.of(), first.getNextPageToken().orElseThrow());
    assertThat(second.getItems()).extracting(ModelVersion::getVersion).containsExactly("2");
  }

  @Test
  void downloadsTheVersionByteIdenticalThroughItsDownloadUri() throws IOException {
    MlflowClient client = client(TestTokens.READER);

    assertThat(client.getModelVersionDownloadUri(fixture.name(), "2"))
        .isEqualTo("mlflow-artifacts:/" + fixture.project() + "/m/v2");
    File downloaded = client.downloadModelVersion(fixture.name(), "2");

    assertThat(downloaded.toPath().toAbsolutePath()).startsWith(Path.of("target").toAbsolutePath());
    assertSameFiles(downloaded.toPath(), fixture.v2Files());
  }

  @Test
  void aTokenSentAsABasicPasswordIsTheSameIdentity() throws IOException {
    MlflowClient basic =
        new MlflowClient(
            new BasicMlflowHostCreds(registry.uri().toString(), "mlflow-user", TestTokens.READER));

    assertThat(basic.getModelVersion(fixture.name(), "1").getVersion()).isEqualTo("1");
    File downloaded = basic.downloadModelVersion(fixture.name(), "1");
    assertSameFiles(downloaded.toPath(), fixture.v1Files());

    MlflowClient wrong =
        new MlflowClient(
            new BasicMlflowHostCreds(registry.uri().toString(), "mlflow-user", "not-a-token"));
    assertThatThrownBy(() -> wrong.getModelVersion(fixture.name(), "1"))
        .isInstanceOfSatisfying(
            MlflowHttpException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(401);
              assertThat(e.getBodyMessage()).contains("\"error_code\":\"UNAUTHENTICATED\"");
            });
  }

  @Test
  void missingVersionsAndInvisibleProjectsAreMlflowsResourceDoesNotExist() {
    assertThatThrownBy(() -> client(TestTokens.READER).getModelVersion(fixture.name(), "99"))
        .isInstanceOfSatisfying(
            MlflowHttpException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getBodyMessage()).contains("\"error_code\":\"RESOURCE_DOES_NOT_EXIST\"");
            });
    assertThatThrownBy(() -> client(TestTokens.OTHER_PROJECT).getRegisteredModel(fixture.name()))
        .isInstanceOfSatisfying(
            MlflowHttpException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }

  /** The files below {@code root} are exactly {@code expected}, byte for byte. */
  private static void assertSameFiles(Path root, Map<String, byte[]> expected) throws IOException {
    Map<String, byte[]> actual = contents(root);
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
  }

  /** Every file below {@code root} by its relative path, with its bytes. */
  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
