package dev.cairn.registry.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 5: a blob edited on disk stayed READY through a restart, and nothing re-hashed
 * stored bytes unless a request asked. Now the start check finds a changed size (and reports a
 * missing blob), and the scrubber finds a same-size edit within one pass, with no request touching
 * the version.
 */
class IntegrityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aBlobEditedOnDiskIsFoundAtTheNextStart() throws Exception {
    try (TestRegistry registry = TestRegistry.start(Map.of("CAIRN_SCRUB_BYTES_PER_SECOND", "0"))) {
      CairnClient admin = registry.client(TestTokens.ADMIN);
      String project = model(admin, "start");
      Version edited = Versions.ready(admin, project, "m", "default", "bytes edited on disk");
      Version deleted = Versions.ready(admin, project, "m", "default", "bytes deleted on disk");
      registry.stopServer();
      Files.writeString(blob(registry, edited), "bytes edited on disk, and more");
      Files.delete(blob(registry, deleted));

      registry.startServer();
      JsonNode check = startCheck(registry);

      assertThat(check.get("wrong_size").asLong()).isEqualTo(1);
      assertThat(check.get("missing").asLong()).isEqualTo(1);
      assertThat(check.get("audit_chain").asText()).isEqualTo("VALID");
      Version failed = admin.versions().get(project, "m", edited.version());
      assertThat(failed.state()).isEqualTo("FAILED");
      assertThat(failed.failure().detail()).contains("at start").contains("not the 20 declared");
      // A missing blob is reported, not failed: a wrong store would otherwise fail everything.
      assertThat(admin.versions().get(project, "m", deleted.version()).state()).isEqualTo("READY");
      String metrics = registry.http().get("/metrics", null).body();
      assertThat(metrics)
          .contains("cairn_integrity_start_problems{problem=\"wrong_size\"} 1.0")
          .contains("cairn_integrity_start_problems{problem=\"missing\"} 1.0")
          .contains("cairn_audit_chain_valid 1.0")
          .contains("cairn_verify_failures_total{found_by=\"start_check\"} 1.0");
      var audited =
          admin.audit().list(project, AuditQuery.all().withAction("VERSION_START_CHECK_FAILED"));
      assertThat(audited.items())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.actor()).isEqualTo("cairn-system");
                assertThat(e.target()).isEqualTo("m:" + edited.version());
              });
    }
  }

  @Test
  void theScrubberFindsASameSizeEditWithinOnePass() throws Exception {
    try (TestRegistry registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_SCRUB_BYTES_PER_SECOND", "1048576",
                "CAIRN_SCRUB_INTERVAL_SECONDS", "1"))) {
      CairnClient admin = registry.client(TestTokens.ADMIN);
      String project = model(admin, "scrub");
      Version version = Versions.ready(admin, project, "m", "default", "scrubbed bytes");
      Files.writeString(blob(registry, version), "SCRUBBED BYTES");

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> scrub(registry).get("mismatches").asLong() >= 1);

      Version failed = admin.versions().get(project, "m", version.version());
      assertThat(failed.state()).isEqualTo("FAILED");
      assertThat(failed.failure().code()).isEqualTo("CHECKSUM_MISMATCH");
      assertThat(failed.failure().detail()).contains("scrubber").contains("model.bin");
      JsonNode scrub = scrub(registry);
      assertThat(scrub.get("bytes_per_second").asLong()).isEqualTo(1048576);
      assertThat(scrub.get("files").asLong()).isGreaterThanOrEqualTo(1);
      String metrics = registry.http().get("/metrics", null).body();
      assertThat(metrics)
          .contains("cairn_scrub_mismatches_total 1.0")
          .contains("cairn_verify_failures_total{found_by=\"scrub\"} 1.0")
          .contains("cairn_scrub_pass_progress_ratio");
    }
  }

  private static String model(CairnClient admin, String prefix) {
    String project = TestRegistry.uniqueProject(prefix);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    return project;
  }

  private static Path blob(TestRegistry registry, Version version) throws Exception {
    return FileBlobStore.open(registry.dataDir().resolve("blobs"))
        .path(version.files().getFirst().sha256());
  }

  private static JsonNode startCheck(TestRegistry registry) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> integrity(registry).get("start_check"), node -> node != null);
  }

  private static JsonNode scrub(TestRegistry registry) throws Exception {
    return integrity(registry).get("scrub");
  }

  private static JsonNode integrity(TestRegistry registry) throws Exception {
    return JSON.readTree(registry.http().get("/health", null).body()).get("integrity");
  }
}
