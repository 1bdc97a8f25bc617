package dev.cairn.registry.instance;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Instance;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 4: only sidecars (and admins) report instances, an instance id belongs to the
 * identity that first reported it, and a report must name a generation of the alias's history with
 * that generation's versions and digests — so a publisher cannot make a rollout look complete.
 */
class InstanceReportTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  private final CairnClient sidecar = registry.client(TestTokens.SIDECAR);
  private final CairnClient otherSidecar = registry.client(TestTokens.OTHER_SIDECAR);
  private String project;
  private Version v1;
  private Version v2;

  /** {@code fraud@production}: generation 1 points at v1, generation 2 at v2. */
  @BeforeEach
  void rollout() {
    project = TestRegistry.uniqueProject("instances");
    admin.projects().create(new ProjectCreate(project, null, new Policies(false, 0, true)));
    publisher.models().create(project, ModelCreate.named("fraud"));
    v1 = Versions.ready(publisher, project, "fraud", "default", "one");
    v2 = Versions.ready(publisher, project, "fraud", "default", "two");
    admin.aliases().put(project, "fraud", "production", AliasUpdate.version("v1", "a"), null, null);
    admin.aliases().put(project, "fraud", "production", AliasUpdate.version("v2", "b"), null, null);
  }

  @Test
  void aPublisherCannotReportAnInstance() {
    CairnApiException refused =
        (CairnApiException)
            catchThrowable(
                () -> publisher.instances().report(project, "pod-a", report(2, v2, "READY")));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.getMessage()).contains("sidecar");
    assertThat(serving()).isEqualTo(new int[] {0, 0});
  }

  @Test
  void aSidecarTokenReportsAndCountsAsServing() {
    sidecar.instances().report(project, "pod-a", report(2, v2, "READY"));

    assertThat(serving()).isEqualTo(new int[] {1, 1});
  }

  @Test
  void anotherIdentityCannotOverwriteASidecarsReport() {
    sidecar.instances().report(project, "pod-a", report(1, v1, "DEGRADED"));

    expectCode(
        "INSTANCE_OWNED_BY_OTHER",
        () -> otherSidecar.instances().report(project, "pod-a", report(2, v2, "READY")));
    assertThatThrownBy(() -> publisher.instances().report(project, "pod-a", report(2, v2, "READY")))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    Instance kept = admin.instances().list(project, "fraud", "production").get(0);
    assertThat(kept.state()).isEqualTo("DEGRADED");
    assertThat(kept.generation()).isEqualTo(1);
    assertThat(serving()).isEqualTo(new int[] {1, 0});
  }

  @Test
  void theFirstReporterRenewsItsReportAndAnAdminMayOverwriteIt() {
    sidecar.instances().report(project, "pod-a", report(1, v1, "READY"));
    sidecar.instances().report(project, "pod-a", report(2, v2, "READY"));
    assertThat(serving()).isEqualTo(new int[] {1, 1});

    admin.instances().report(project, "pod-a", report(2, v2, "DEGRADED"));
    sidecar.instances().report(project, "pod-a", report(2, v2, "READY"));

    assertThat(admin.instances().list(project, "fraud", "production").get(0).state())
        .isEqualTo("READY");
  }

  @Test
  void aGenerationTheAliasNeverHadIsRefused() {
    CairnApiException refused =
        (CairnApiException)
            catchThrowable(
                () -> sidecar.instances().report(project, "pod-a", report(7, v2, "READY")));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("INSTANCE_REPORT_INVALID");
    assertThat(refused.getMessage()).contains("generation 7");
    assertThat(serving()).isEqualTo(new int[] {0, 0});
  }

  @Test
  void aVersionOrDigestOtherThanTheGenerationsIsRefused() {
    CairnApiException wrongVersion =
        (CairnApiException)
            catchThrowable(
                () -> sidecar.instances().report(project, "pod-a", report(1, v2, "READY")));
    LoadedVersion forgedDigest = new LoadedVersion("v2", "0".repeat(64), Instant.now());
    CairnApiException wrongDigest =
        (CairnApiException)
            catchThrowable(
                () ->
                    sidecar.instances().report(project, "pod-b", report(2, forgedDigest, "READY")));
    CairnApiException unknownVariant =
        (CairnApiException)
            catchThrowable(
                () ->
                    sidecar
                        .instances()
                        .report(
                            project,
                            "pod-c",
                            new InstanceReport(
                                "fraud",
                                "production",
                                2L,
                                Map.of("shadow", loaded(v2)),
                                "READY",
                                null,
                                null,
                                null,
                                30)));

    assertThat(wrongVersion.code()).isEqualTo("INSTANCE_REPORT_INVALID");
    assertThat(wrongVersion.status()).isEqualTo(422);
    assertThat(wrongVersion.getMessage()).contains("v2").contains("v1");
    assertThat(wrongDigest.code()).isEqualTo("INSTANCE_REPORT_INVALID");
    assertThat(wrongDigest.getMessage()).contains("digest");
    assertThat(unknownVariant.code()).isEqualTo("INSTANCE_REPORT_INVALID");
    assertThat(unknownVariant.getMessage()).contains("shadow");
    assertThat(serving()).isEqualTo(new int[] {0, 0});
  }

  /** {@code [instances, on_target]} of {@code fraud@production} as its status shows them. */
  private int[] serving() {
    var s = admin.models().status(project, "fraud", "production").serving();
    return new int[] {s.instances(), s.onTarget()};
  }

  private static LoadedVersion loaded(Version v) {
    return new LoadedVersion(v.version(), v.digest(), Instant.now());
  }

  private static InstanceReport report(long generation, Version v, String state) {
    return report(generation, loaded(v), state);
  }

  private static InstanceReport report(long generation, LoadedVersion loaded, String state) {
    return new InstanceReport(
        "fraud", "production", generation, Map.of("default", loaded), state, null, null, null, 30);
  }
}
