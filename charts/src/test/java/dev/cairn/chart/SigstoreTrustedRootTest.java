package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 28, keyless signatures: {@code signing.sigstoreTrustedRoot} (the file's content, as {@code
 * --set-file} gives it) becomes a ConfigMap mounted into the registry where {@code
 * CAIRN_SIGSTORE_TRUSTED_ROOT} points; {@code signing.sigstoreTrustedRootConfigMap} mounts an
 * existing one instead; unset, the registry gets neither, and both or a non-root are refused.
 */
class SigstoreTrustedRootTest {

  private static final String CONFIG = "cairn-registry";
  private static final Path TRUSTED_ROOT =
      Repo.resolve("model-signing/src/test/resources/oms-v1.0/sigstore-java/trusted_root.json");

  @Test
  void unsetTheRegistryGetsNoRoot() {
    Rendered rendered = Chart.defaults().render();
    assertThat(rendered.configMap(CONFIG).orElseThrow().getData())
        .doesNotContainKey("CAIRN_SIGSTORE_TRUSTED_ROOT");
    assertThat(rendered.configMap("cairn-sigstore")).isEmpty();
    assertThat(volume(rendered)).isEmpty();
    assertThat(
            rendered
                .deployment("operator")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst()
                .getEnv())
        .noneMatch(e -> e.getName().equals("CAIRN_SIGSTORE_TRUSTED_ROOT"));
  }

  @Test
  void theFilesContentIsMountedWhereTheVariablePoints() throws IOException {
    String root = Files.readString(TRUSTED_ROOT);
    Rendered rendered = Chart.withValues(values(Map.of("sigstoreTrustedRoot", root))).render();

    ConfigMap content = rendered.configMap("cairn-sigstore").orElseThrow();
    assertThat(content.getData()).containsExactly(Map.entry("trusted_root.json", root));
    String variable =
        rendered.configMap(CONFIG).orElseThrow().getData().get("CAIRN_SIGSTORE_TRUSTED_ROOT");
    assertThat(variable).isEqualTo("/etc/cairn/sigstore/trusted_root.json");
    Volume volume = volume(rendered).orElseThrow();
    assertThat(volume.getConfigMap().getName()).isEqualTo("cairn-sigstore");
    assertThat(volume.getConfigMap().getItems())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.getKey()).isEqualTo("trusted_root.json");
              assertThat(mount(rendered).getMountPath() + "/" + item.getPath()).isEqualTo(variable);
            });
    assertThat(mount(rendered).getReadOnly()).isTrue();
    assertThat(
            rendered.deployment("registry").getSpec().getTemplate().getMetadata().getAnnotations())
        .as("a new root rolls the pods, which read it at start")
        .containsKey("checksum/sigstore");

    // The operator verifies spec.signature before registering: the same file, the same path.
    PodSpec operator = rendered.deployment("operator").getSpec().getTemplate().getSpec();
    assertThat(operator.getContainers().getFirst().getEnv())
        .filteredOn(e -> e.getName().equals("CAIRN_SIGSTORE_TRUSTED_ROOT"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue()).isEqualTo(variable));
    assertThat(operator.getVolumes())
        .filteredOn(v -> v.getName().equals("sigstore"))
        .singleElement()
        .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("cairn-sigstore"));
    assertThat(operator.getContainers().getFirst().getVolumeMounts())
        .filteredOn(m -> m.getName().equals("sigstore"))
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/etc/cairn/sigstore"));
  }

  @Test
  void anExistingConfigMapIsMountedInstead() throws IOException {
    Rendered rendered =
        Chart.defaults()
            .set("signing.sigstoreTrustedRootConfigMap", "sigstore-public-good")
            .render();

    assertThat(rendered.configMap("cairn-sigstore")).isEmpty();
    assertThat(volume(rendered).orElseThrow().getConfigMap().getName())
        .isEqualTo("sigstore-public-good");
    assertThat(rendered.configMap(CONFIG).orElseThrow().getData())
        .containsEntry("CAIRN_SIGSTORE_TRUSTED_ROOT", "/etc/cairn/sigstore/trusted_root.json");
  }

  @Test
  void bothOrTextThatIsNoTrustedRootAreRefused() throws IOException {
    String root = Files.readString(TRUSTED_ROOT);
    assertThatThrownBy(
            () ->
                Chart.withValues(
                        values(
                            Map.of(
                                "sigstoreTrustedRoot",
                                root,
                                "sigstoreTrustedRootConfigMap",
                                "other")))
                    .template())
        .hasMessageContaining("set one");
    for (String bad : new String[] {"not json at all", "{\"tlogs\": []}"}) {
      assertThatThrownBy(
              () -> Chart.withValues(values(Map.of("sigstoreTrustedRoot", bad))).template())
          .as(bad)
          .hasMessageContaining("signing.sigstoreTrustedRoot is not a Sigstore trusted_root.json");
    }
  }

  /**
   * A values file as {@code --set-file} would make it (the JSON has commas {@code --set} splits).
   */
  private static Path values(Map<String, String> signing) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "sigstore-values"));
    Path file = Files.createTempFile(dir, "values", ".yaml");
    new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), Map.of("signing", signing));
    return file;
  }

  private static PodSpec pod(Rendered rendered) {
    return rendered.deployment("registry").getSpec().getTemplate().getSpec();
  }

  private static Optional<Volume> volume(Rendered rendered) {
    return pod(rendered).getVolumes().stream()
        .filter(v -> v.getName().equals("sigstore"))
        .findFirst();
  }

  private static VolumeMount mount(Rendered rendered) {
    return pod(rendered).getContainers().getFirst().getVolumeMounts().stream()
        .filter(m -> m.getName().equals("sigstore"))
        .findFirst()
        .orElseThrow();
  }
}
