package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.common.testing.MultipartBodies;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where an upload ends ({@link UploadedVersions}, shared by the multipart one-shot and the OCI
 * import): a READY version counts as a ready publish of its path; a name already taken is 409
 * {@code VERSION_EXISTS}, counts as a failed one and leaves no staged file behind. The OCI import's
 * side is {@code OciImportTest}'s.
 */
class UploadedVersionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String READY =
      "cairn_publish_duration_seconds_count{outcome=\"ready\",path=\"one_shot\"}";
  private static final String FAILED =
      "cairn_publish_duration_seconds_count{outcome=\"failed\",path=\"one_shot\"}";

  private final TestRegistry registry = TestRegistry.shared();

  @Test
  void aTakenNameIsVersionExistsCountedAsFailedAndLeavesNothingStaged() throws Exception {
    String project = TestRegistry.uniqueProject("uploaded");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    registry.client(TestTokens.PUBLISHER).models().create(project, ModelCreate.named("m"));
    double ready = value(READY);
    double failed = value(FAILED);

    HttpResponse<String> first = oneShot(project, "first weights " + project);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    List<Path> stagedBefore = staged();
    HttpResponse<String> again = oneShot(project, "other weights " + project);

    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("code").asText()).isEqualTo("VERSION_EXISTS");
    assertThat(value(READY) - ready).isEqualTo(1);
    assertThat(value(FAILED) - failed).isEqualTo(1);
    assertThat(staged()).as("staging files of the refused upload").isSubsetOf(stagedBefore);
  }

  private HttpResponse<String> oneShot(String project, String content) {
    byte[] weights = content.getBytes(StandardCharsets.UTF_8);
    byte[] metadata =
        ("{\"version\":\"v1\",\"format\":\"generic\",\"files\":[{\"path\":\"w.bin\",\"sha256\":\""
                + ArtifactFlowFixture.sha256(weights)
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    return registry
        .http()
        .sendBytes(
            "POST",
            "/api/v1/projects/" + project + "/models/m/versions",
            TestTokens.PUBLISHER,
            MultipartBodies.body(
                MultipartBodies.part("metadata", null, metadata),
                MultipartBodies.part("w.bin", "w.bin", weights)),
            Map.of("Content-Type", "multipart/form-data; boundary=cairn-7f3a"));
  }

  private List<Path> staged() throws Exception {
    try (Stream<Path> files = Files.list(registry.dataDir().resolve("blobs").resolve("tmp"))) {
      return files.toList();
    }
  }

  /** A series' value in {@code /metrics}, 0 when it has not appeared yet. */
  private double value(String series) {
    String metrics = registry.http().get("/metrics", null).body();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
