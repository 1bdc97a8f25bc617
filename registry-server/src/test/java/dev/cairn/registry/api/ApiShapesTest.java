package dev.cairn.registry.api;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Resolved;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, items 18–20: every answer says exactly what happened — resolve shows a version's
 * aliases as {@code GET …/versions/{v}} does and says when it verified, a pointer to a version that
 * does not exist is 404, a file whose blob is gone is not {@code present}, and an alias PUT names
 * its approver.
 */
class ApiShapesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRegistry registry = TestRegistry.shared();
  private CairnClient publisher;
  private CairnClient approver;
  private CairnClient reader;
  private String project;
  private Version v1;

  @BeforeEach
  void publish() {
    publisher = registry.client(TestTokens.PUBLISHER);
    approver = registry.client(TestTokens.APPROVER);
    reader = registry.client(TestTokens.READER);
    project = TestRegistry.uniqueProject("shapes");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("m"));
    v1 = Versions.ready(publisher, project, "m", "default", "shapes one " + project);
  }

  @Test
  void resolveShowsTheAliasesThatGetVersionShows() {
    activate("production", "v1");

    Resolved resolved = reader.resolve(project, "m@production", null, false);

    assertThat(reader.versions().get(project, "m", "v1").aliases()).containsExactly("production");
    assertThat(resolved.version().aliases()).containsExactly("production");
  }

  @Test
  void aPointerToAVersionThatDoesNotExistIsVersionNotFound() {
    expectCode(
        "VERSION_NOT_FOUND",
        () ->
            approver
                .aliases()
                .put(
                    project,
                    "m",
                    "production",
                    AliasUpdate.pointers(Map.of("default", "v7"), "no such version"),
                    null,
                    null));
    expectCode(
        "VERSION_NOT_FOUND",
        () ->
            publisher
                .aliases()
                .put(
                    project,
                    "m",
                    "staging",
                    AliasUpdate.pointers(Map.of("default", "v7"), "no such version"),
                    null,
                    null));
  }

  @Test
  void anAliasPutAnswersWhoApprovedIt() {
    Alias put = activate("production", "v1");
    Alias unprotected =
        publisher
            .aliases()
            .put(
                project,
                "m",
                "staging",
                AliasUpdate.pointers(Map.of("default", "v1"), "try"),
                null,
                null);

    assertThat(put.approvedBy()).isEqualTo("approver");
    assertThat(reader.aliases().get(project, "m", "production").approvedBy()).isEqualTo("approver");
    assertThat(unprotected.approvedBy()).isNull();
  }

  @Test
  void aFileWhoseBlobIsGoneIsNotPresent() throws Exception {
    VersionFile file = v1.files().getFirst();
    assertThat(file.present()).isTrue();
    FileBlobStore.open(registry.dataDir().resolve("blobs")).delete(file.sha256());

    Version after = reader.versions().get(project, "m", "v1");
    Resolved resolved = reader.resolve(project, "m:v1", null, false);
    HttpResponse<String> byId =
        registry.http().get("/api/v1/versions/" + v1.id(), TestTokens.READER);

    assertThat(after.files()).singleElement().satisfies(f -> assertThat(f.present()).isFalse());
    assertThat(resolved.version().files())
        .singleElement()
        .satisfies(f -> assertThat(f.present()).isFalse());
    assertThat(JSON.readTree(byId.body()).at("/files/0/present").asBoolean(true)).isFalse();
  }

  @Test
  void resolveWithVerifySaysWhenItVerified() throws Exception {
    activate("production", "v1");
    String url = "/api/v1/projects/" + project + "/resolve?ref=m@production";
    Instant before = Instant.now();

    HttpResponse<String> plain = registry.http().get(url, TestTokens.READER);
    HttpResponse<String> verified = registry.http().get(url + "&verify=true", TestTokens.READER);

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(plain.body()).has("verified_at")).isFalse();
    assertThat(plain.headers().firstValue("X-Cairn-Verified")).isEmpty();
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(verified.body());
    Instant at = Instant.parse(body.get("verified_at").asText());
    assertThat(at).isAfterOrEqualTo(before.minusSeconds(1));
    assertThat(verified.headers().firstValue("X-Cairn-Verified")).contains(at.toString());
    assertThat(reader.resolve(project, "m@production", null, true).verifiedAt()).isNotNull();
    assertThat(reader.resolve(project, "m@production", null, false).verifiedAt()).isNull();
  }

  private Alias activate(String alias, String version) {
    return approver
        .aliases()
        .put(
            project,
            "m",
            alias,
            AliasUpdate.pointers(Map.of("default", version), "go"),
            null,
            null);
  }
}
