package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.MockCluster;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rendered objects held to spec 70-deployment, for the defaults and every ci/ file. */
class ChartObjectsTest {

  static Stream<Path> ciValues() throws IOException {
    return ChartLintTest.ciValues();
  }

  @Test
  void defaultsRunTwoRegistriesWithProbesPdbAndNoVolumeClaim() {
    Rendered chart = Chart.defaults().render();

    Deployment registry = chart.deployment("registry");
    assertThat(registry.getSpec().getReplicas()).isEqualTo(2);
    assertThat(registry.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .isZero();
    Container container = registry.getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    assertThat(container.getStartupProbe()).isNotNull();
    assertThat(registry.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
        .singleElement()
        .satisfies(c -> assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
    assertThat(chart.get(PodDisruptionBudget.class, "cairn-registry").getSpec())
        .satisfies(pdb -> assertThat(pdb.getMinAvailable().getIntVal()).isEqualTo(1));
    assertThat(chart.all(PersistentVolumeClaim.class)).isEmpty();

    Deployment operator = chart.deployment("operator");
    assertThat(operator.getSpec().getReplicas()).isEqualTo(2);
    assertThat(chart.all(ClusterRoleBinding.class)).hasSize(1);
    assertThat(chart.get(Role.class, "cairn-operator-leader-election").getRules())
        .singleElement()
        .satisfies(rule -> assertThat(rule.getResources()).containsExactly("leases"));
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void everyContainerHasTheFullSecurityContextAndResources(Path values) {
    Rendered chart = Chart.withValues(values).render();

    for (HasMetadata object : chart.objects()) {
      podSpec(object)
          .ifPresent(
              spec -> {
                assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
                for (Container c : spec.getContainers()) {
                  String where = object.getMetadata().getName() + "/" + c.getName();
                  SecurityContext sc = c.getSecurityContext();
                  assertThat(sc).as(where).isNotNull();
                  assertThat(sc.getRunAsNonRoot()).as(where).isTrue();
                  assertThat(sc.getRunAsUser()).as(where).isEqualTo(65532L);
                  assertThat(sc.getReadOnlyRootFilesystem()).as(where).isTrue();
                  assertThat(sc.getAllowPrivilegeEscalation()).as(where).isFalse();
                  assertThat(sc.getCapabilities().getDrop()).as(where).containsExactly("ALL");
                  assertThat(sc.getSeccompProfile().getType())
                      .as(where)
                      .isEqualTo("RuntimeDefault");
                  assertThat(c.getResources().getRequests())
                      .as(where)
                      .containsKeys("cpu", "memory");
                  assertThat(c.getResources().getLimits()).as(where).containsKey("memory");
                  assertThat(c.getVolumeMounts())
                      .as(where + " has a writable /tmp")
                      .anyMatch(m -> m.getMountPath().equals("/tmp"));
                }
              });
    }
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void objectsLiveInTheReleaseNamespaceWithStandardLabels(Path values) {
    Rendered chart = Chart.withValues(values).render();

    for (HasMetadata object : chart.objects()) {
      String what = object.getKind() + "/" + object.getMetadata().getName();
      assertThat(object.getMetadata().getName()).as(what).startsWith("cairn-");
      Map<String, String> labels = object.getMetadata().getLabels();
      assertThat(labels)
          .as(what)
          .containsEntry("app.kubernetes.io/name", "cairn")
          .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
          .containsEntry("app.kubernetes.io/managed-by", "Helm")
          .containsEntry("app.kubernetes.io/version", Repo.projectVersion())
          .containsKey("app.kubernetes.io/component");
      boolean clusterScoped = object.getKind().startsWith("Cluster");
      boolean watchedNamespaceBinding =
          object instanceof RoleBinding binding
              && binding.getRoleRef().getKind().equals("ClusterRole");
      if (!clusterScoped && !watchedNamespaceBinding) {
        assertThat(object.getMetadata().getNamespace()).as(what).isEqualTo(Chart.NAMESPACE);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void imagesAreTheProjectsAtItsVersion(Path values) {
    Rendered chart = Chart.withValues(values).render();

    List<String> images =
        chart.objects().stream()
            .flatMap(o -> podSpec(o).stream())
            .flatMap(spec -> spec.getContainers().stream())
            .map(Container::getImage)
            .distinct()
            .toList();
    assertThat(images)
        .isNotEmpty()
        .allSatisfy(
            image ->
                assertThat(image)
                    .matches("ghcr\\.io/cairn-dev/cairn-(registry|operator):.*")
                    .endsWith(":" + Repo.projectVersion()));
  }

  @Test
  void aTagThatMovesIsAlwaysPulledAndAReleaseTagOnlyWhenMissing() {
    assertThat(pullPolicies(Chart.defaults()))
        .as("appVersion " + Repo.projectVersion())
        .containsOnly(Repo.projectVersion().contains("SNAPSHOT") ? "Always" : "IfNotPresent");
    assertThat(pullPolicies(Chart.defaults().set("image.tag", "latest"))).containsOnly("Always");
    assertThat(pullPolicies(Chart.defaults().set("image.tag", "1.2.3")))
        .containsOnly("IfNotPresent");
    assertThat(pullPolicies(Chart.defaults().set("image.pullPolicy", "Never")))
        .containsOnly("Never");
  }

  private static List<String> pullPolicies(Chart chart) {
    return chart.render().objects().stream()
        .flatMap(o -> podSpec(o).stream())
        .flatMap(spec -> spec.getContainers().stream())
        .map(Container::getImagePullPolicy)
        .distinct()
        .toList();
  }

  @Test
  void chartVersionsAreTheProjectVersion() throws IOException {
    String chartYaml = Files.readString(Repo.chart().resolve("Chart.yaml"));

    assertThat(chartYaml)
        .contains("\nversion: " + Repo.projectVersion() + "\n")
        .contains("\nappVersion: " + Repo.projectVersion() + "\n")
        .contains("kubeVersion: \">=1.27.0-0\"");
  }

  @Test
  void embeddedModeAsksForOneVolumeAndRecreatesThePod() {
    Rendered chart = Chart.withValues(Repo.chart().resolve("ci/embedded-values.yaml")).render();

    assertThat(chart.all(PersistentVolumeClaim.class))
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("cairn-data");
    assertThat(chart.deployment("registry").getSpec().getStrategy().getType())
        .isEqualTo("Recreate");
    assertThat(chart.all(PodDisruptionBudget.class)).isEmpty();
  }

  @Test
  void watchedNamespacesGetRoleBindingsInsteadOfAClusterRoleBinding() {
    Rendered chart = Chart.withValues(Repo.chart().resolve("ci/production-values.yaml")).render();

    assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
    assertThat(chart.all(RoleBinding.class))
        .filteredOn(b -> b.getRoleRef().getKind().equals("ClusterRole"))
        .extracting(b -> b.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("ml", "qc");
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void everyObjectIsAcceptedByTheMockApiServer(Path values) {
    Rendered chart = Chart.withValues(values).render();
    String namespace = "apply-" + values.getFileName().toString().replace("-values.yaml", "");

    for (HasMetadata object : chart.objects()) {
      if (object.getMetadata().getNamespace() != null) {
        object.getMetadata().setNamespace(namespace);
      }
      HasMetadata created = MockCluster.shared().apply(object);
      assertThat(created.getMetadata().getUid()).as(object.getKind()).isNotBlank();
    }
  }

  private static Optional<PodSpec> podSpec(HasMetadata object) {
    if (object instanceof Deployment d) {
      return Optional.of(d.getSpec().getTemplate().getSpec());
    }
    if (object instanceof Pod p) {
      return Optional.of(p.getSpec());
    }
    return Optional.empty();
  }
}
