package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the registry may write on its read-only root filesystem (issue 26 item 7): its temporary
 * files follow {@code TMPDIR}, which names its {@code /tmp} emptyDir, and the JVM's temporary
 * directory is tied to it; in development (embedded PostgreSQL) the only other writable path is the
 * data volume. {@code EmbeddedReadOnlyRootIT} runs the jar under exactly these.
 */
class RegistryWritableDirsTest {

  static Stream<Path> ciValues() throws IOException {
    return ChartLintTest.ciValues();
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void temporaryFilesGoToTheTmpEmptyDirThroughTmpdir(Path values) {
    PodSpec pod = registryPod(Chart.withValues(values).render());
    Container container = pod.getContainers().getFirst();
    Map<String, String> env = literalEnv(container);

    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(env).containsEntry("TMPDIR", "/tmp");
    assertThat(env).containsEntry("JDK_JAVA_OPTIONS", "-Djava.io.tmpdir=$(TMPDIR)");
    VolumeMount tmp = mount(container, "/tmp");
    assertThat(tmp.getReadOnly()).isNotEqualTo(Boolean.TRUE);
    assertThat(volume(pod, tmp).getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
  }

  @Test
  void developmentWritesOnlyTmpAndTheDataVolume() {
    Rendered chart = Chart.withValues(Repo.chart().resolve("ci/embedded-values.yaml")).render();
    PodSpec pod = registryPod(chart);
    Container container = pod.getContainers().getFirst();

    assertThat(container.getVolumeMounts())
        .filteredOn(m -> !Boolean.TRUE.equals(m.getReadOnly()))
        .extracting(VolumeMount::getMountPath)
        .containsExactlyInAnyOrder("/tmp", "/var/lib/cairn");
    assertThat(volume(pod, mount(container, "/var/lib/cairn")).getPersistentVolumeClaim())
        .as("the embedded database and file store survive the pod")
        .isNotNull();
    assertThat(chart.configMap(Chart.FULLNAME + "-registry").orElseThrow().getData())
        .containsEntry("CAIRN_DATA_DIR", "/var/lib/cairn");
  }

  private static PodSpec registryPod(Rendered chart) {
    return chart.deployment("registry").getSpec().getTemplate().getSpec();
  }

  private static Map<String, String> literalEnv(Container container) {
    return container.getEnv().stream()
        .filter(v -> v.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (first, last) -> last));
  }

  private static VolumeMount mount(Container container, String path) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mount at " + path));
  }

  private static Volume volume(PodSpec pod, VolumeMount mount) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(mount.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
  }
}
