package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Instance;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Must show 3: bytes changed after registration are refused; the old set keeps serving. */
class FailSafeTest {

  private final TestRegistry registry = TestRegistry.shared();
  @TempDir Path cache;

  @Test
  void refusesTamperedBytesKeepsServingAndReportsTheCode() throws Exception {
    String project = Sidecars.scorerProject(registry, "tamper", 3);
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    CairnClient approver = registry.client(TestTokens.APPROVER);
    Version v2 = publisher.versions().get(project, "scorer", "v2");

    try (Sidecar sidecar = Sidecars.start(registry.uri(), project, "scorer", cache, List.of())) {
      SidecarClient client = new SidecarClient(sidecar.port());
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
      tamper(v2.files().get(0).sha256());

      approver
          .aliases()
          .put(project, "scorer", "production", AliasUpdate.version("v2", "bad bytes"), null, null);

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                Instance report = instance(publisher, project);
                assertThat(report.lastError()).isEqualTo("CHECKSUM_MISMATCH:default");
                assertThat(report.state()).isEqualTo("DEGRADED");
              });
      assertThat(client.infer("scorer")).isEqualTo(1f);
      assertThat(client.get("/status").body().path("versions").path("default").asText())
          .isEqualTo("v1");
      assertThat(client.get("/status").body().path("last_error").asText())
          .isEqualTo("CHECKSUM_MISMATCH:default");

      // A later good generation proceeds normally and clears the error.
      approver
          .aliases()
          .put(project, "scorer", "production", AliasUpdate.version("v3", "good"), null, null);
      await().atMost(Duration.ofSeconds(20)).until(() -> client.infer("scorer") == 3f);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                Instance report = instance(publisher, project);
                assertThat(report.lastError()).isNull();
                assertThat(report.state()).isEqualTo("READY");
                assertThat(report.loaded().get("default").version()).isEqualTo("v3");
              });
    }
  }

  private static Instance instance(CairnClient client, String project) {
    return client.instances().list(project, "scorer", "production").stream()
        .filter(i -> i.id().equals("sidecar-" + project))
        .findFirst()
        .orElseThrow();
  }

  /** Flips one byte of the stored blob, as disk rot or an attacker with storage access would. */
  private void tamper(String sha256) throws Exception {
    Path blob;
    try (Stream<Path> files = Files.walk(registry.dataDir())) {
      blob =
          files
              .filter(p -> p.getFileName().toString().contains(sha256))
              .findFirst()
              .orElseThrow(() -> new AssertionError("blob " + sha256 + " not found"));
    }
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(blob, bytes);
  }
}
