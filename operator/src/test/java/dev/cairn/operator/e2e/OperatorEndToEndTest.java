package dev.cairn.operator.e2e;

import static dev.cairn.operator.e2e.OperatorFixture.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.operator.crd.Condition;
import dev.cairn.operator.crd.Conditions;
import dev.cairn.operator.modelactivation.ModelActivation;
import dev.cairn.operator.modelversion.FileSource;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.testing.Examples;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, must show 1 and 5, with immutability and the three-mode example: the operator against
 * the fabric8 mock API server (CRUD mode) and a real registry on embedded PostgreSQL, with the
 * example manifests from {@code examples/}.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorEndToEndTest {

  static KubernetesMockServer server;
  static KubernetesClient client;
  private static OperatorFixture fx;

  @BeforeAll
  static void start() {
    fx = new OperatorFixture(server, client);
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void verifiesDigestsRefusesAMismatchAndFlipsTheAliasAsTheActivationChanges() {
    String ns = fx.namespace("churn");
    fx.publishChurn(ns);
    assertThat(fx.admin.versions().get(ns, "churn", "v1").state()).isEqualTo("READY");
    assertThat(fx.admin.versions().get(ns, "churn", "v2").state()).isEqualTo("READY");
    ModelVersion v1 = fx.version(ns, "churn-v1");
    assertThat(v1.getStatus().registry().state()).isEqualTo("READY");
    assertThat(v1.getStatus().digest()).startsWith("sha256:");
    assertThat(Conditions.isTrue(v1.getStatus().conditions(), "ChecksumVerified")).isTrue();

    // v1's bytes pinned to v2's digest: a mismatch.
    ModelVersion bad =
        Examples.modelVersions("single-variant/modelversions.yaml", ns, fx.sources.base())
            .getFirst();
    bad.getMetadata().setName("churn-v3-bad");
    FileSource v1File = bad.getSpec().files().getFirst();
    String pinned = "7ae65136eaa545b8a4503b5c7ddb2ae3735cd30fbd628a3df026b5e64b75978c";
    String actual = v1File.sha256();
    bad.setSpec(
        Examples.withVersionName(
            Examples.withFiles(
                bad.getSpec(), List.of(new FileSource(v1File.path(), v1File.uri(), pinned))),
            "v3"));
    fx.kube.resource(bad).create();
    ModelVersion failed = fx.awaitVersion(ns, "churn-v3-bad", "Failed");
    Condition checksum =
        Conditions.find(failed.getStatus().conditions(), "ChecksumVerified").orElseThrow();
    assertThat(checksum.status()).isEqualTo("False");
    assertThat(checksum.reason()).isEqualTo("ChecksumMismatch");
    assertThat(checksum.message()).contains("sha256:" + pinned).contains("sha256:" + actual);
    assertThatThrownBy(() -> fx.admin.versions().get(ns, "churn", "v3"))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(warnings(ns, "churn-v3-bad"))
        .extracting(Event::getReason)
        .contains("ChecksumMismatch");

    ModelActivation active = fx.activateChurn(ns, "v1");
    Alias alias = fx.admin.aliases().get(ns, "churn", "production");
    assertThat(alias.pointers()).isEqualTo(Map.of("default", "v1"));
    assertThat(alias.managedBy()).isEqualTo("ModelActivation " + ns + "/churn-production");
    assertThat(active.getStatus().active()).isEqualTo(Map.of("default", "v1"));
    assertThat(active.getStatus().aliasGeneration()).isEqualTo(alias.generation());
    assertThat(active.getStatus().previous()).isEmpty();

    fx.editActivation(ns, "churn-production", s -> OperatorFixture.withVersion(s, "v2"));
    ModelActivation flipped =
        fx.awaitActivation(
            ns,
            "churn-production",
            ma ->
                ma.getStatus() != null && Map.of("default", "v2").equals(ma.getStatus().active()));
    assertThat(phase(flipped)).isEqualTo("Active");
    assertThat(flipped.getStatus().previous()).isEqualTo(Map.of("default", "v1"));
    Alias after = fx.admin.aliases().get(ns, "churn", "production");
    assertThat(after.pointers()).isEqualTo(Map.of("default", "v2"));
    assertThat(flipped.getStatus().aliasGeneration())
        .isEqualTo(after.generation())
        .isGreaterThan(alias.generation());

    assertThatThrownBy(
            () ->
                fx.admin
                    .aliases()
                    .put(
                        ns,
                        "churn",
                        "production",
                        AliasUpdate.version("v1", "by hand"),
                        null,
                        null))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.code()).isEqualTo("ALIAS_MANAGED");
            });
  }

  @Test
  void aVerifiedVersionKeepsItsSpecAndReportsALaterEditAsSpecImmutable() {
    String ns = fx.namespace("immutable");
    fx.publishChurn(ns);
    String digest = fx.admin.versions().get(ns, "churn", "v1").digest();
    fx.kube
        .resources(ModelVersion.class)
        .inNamespace(ns)
        .withName("churn-v1")
        .edit(
            mv -> {
              mv.setSpec(Examples.withVersionName(mv.getSpec(), "v1-edited"));
              return mv;
            });
    await()
        .atMost(OperatorFixture.PATIENCE)
        .until(
            () ->
                Conditions.isTrue(
                    fx.version(ns, "churn-v1").getStatus().conditions(), "SpecImmutable"));
    ModelVersion mv = fx.version(ns, "churn-v1");
    assertThat(mv.getStatus().phase()).isEqualTo("Verified");
    assertThat(mv.getStatus().registry().version()).isEqualTo("v1");
    assertThat(fx.admin.versions().get(ns, "churn", "v1").digest()).isEqualTo(digest);
    assertThatThrownBy(() -> fx.admin.versions().get(ns, "churn", "v1-edited"))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void deletingAnActiveVersionWaitsForTheAliasToMoveThenArchives() {
    String ns = fx.namespace("archive");
    fx.publishChurn(ns);
    fx.activateChurn(ns, "v2");

    fx.kube.resource(fx.version(ns, "churn-v2")).delete();
    await()
        .atMost(OperatorFixture.PATIENCE)
        .until(
            () ->
                Conditions.isTrue(
                    fx.version(ns, "churn-v2").getStatus().conditions(), "DeletionBlocked"));
    ModelVersion blocked = fx.version(ns, "churn-v2");
    assertThat(blocked.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(
            Conditions.find(blocked.getStatus().conditions(), "DeletionBlocked")
                .orElseThrow()
                .message())
        .contains("production");
    assertThat(fx.admin.versions().get(ns, "churn", "v2").state()).isEqualTo("READY");

    fx.editActivation(ns, "churn-production", s -> OperatorFixture.withVersion(s, "v1"));
    await().atMost(OperatorFixture.PATIENCE).until(() -> fx.version(ns, "churn-v2") == null);
    assertThat(fx.admin.versions().get(ns, "churn", "v2").state()).isEqualTo("ARCHIVED");
    assertThat(fx.admin.aliases().get(ns, "churn", "production").pointers())
        .isEqualTo(Map.of("default", "v1"));
  }

  @Test
  void theThreeModeInkExampleActivatesEveryModeInOneGeneration() {
    String ns = fx.namespace("qc");
    List<ModelVersion> versions =
        Examples.modelVersions("ink-three-mode/modelversions.yaml", ns, fx.sources.base());
    versions.forEach(mv -> fx.kube.resource(mv).create());
    versions.forEach(mv -> fx.awaitVersion(ns, mv.getMetadata().getName(), "Verified"));
    assertThat(fx.admin.models().get(ns, "ink-sku001-a").variants())
        .containsExactly("LOW", "MID", "HIGH");

    ModelActivation ma = Examples.modelActivation("ink-three-mode/modelactivation.yaml", ns);
    fx.kube.resource(ma).create();
    ModelActivation active =
        fx.awaitActivation(ns, ma.getMetadata().getName(), a -> "Active".equals(phase(a)));
    Map<String, String> expected = Map.of("LOW", "v1-low", "MID", "v1-mid", "HIGH", "v1-high");
    assertThat(active.getStatus().active()).isEqualTo(expected);
    assertThat(fx.admin.aliases().get(ns, "ink-sku001-a", "production").pointers())
        .isEqualTo(expected);
    assertThat(fx.admin.models().status(ns, "ink-sku001-a", "production").status())
        .isEqualTo("ACTIVE");
  }

  private static List<Event> warnings(String ns, String name) {
    return fx.kube.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .filter(e -> "Warning".equals(e.getType()))
        .toList();
  }
}
