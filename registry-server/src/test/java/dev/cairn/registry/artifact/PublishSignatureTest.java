package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.signature.TestSigner;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 28 item 2, publish-time detection: a {@code model.sig} at the root of a one-shot upload or
 * of an {@code artifacts_dir} is not a file of the version; it is verified against the project's
 * trust and the version's files and attached, or the publish is refused with its code and nothing
 * is kept.
 */
class PublishSignatureTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] WEIGHTS = "weights".getBytes(StandardCharsets.UTF_8);
  private static final String METADATA = "{\"format\":\"generic\",\"version\":\"v1\"}";

  private static Path root;
  private static TestRegistry registry;
  private final TestSigner signer = TestSigner.generate();
  private Http http;
  private String p;
  private String versions;

  @BeforeAll
  static void start() throws Exception {
    root =
        Files.createDirectories(Path.of("target", "signed-roots-" + UUID.randomUUID()))
            .toAbsolutePath();
    registry = TestRegistry.start(Map.of("CAIRN_FILE_ROOTS", root.toString()));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void project() {
    http = registry.http();
    p = TestRegistry.uniqueProject("publish-sig");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(p));
    admin.models().create(p, ModelCreate.named("m"));
    versions = "/api/v1/projects/" + p + "/models/m/versions";
    HttpResponse<String> trusted =
        http.send("PUT", "/api/v1/projects/" + p + "/trust", TestTokens.ADMIN, signer.policy("ci"));
    assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
  }

  @Test
  void aModelSigPartIsVerifiedAttachedAndNotAFile() throws Exception {
    byte[] bundle = signer.sign(Map.of("weights.bin", Versions.sha256(WEIGHTS)));
    HttpResponse<String> res = oneShot(bundle);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    JsonNode version = JSON.readTree(res.body());
    assertThat(version.get("files")).hasSize(1);
    assertThat(version.get("files").get(0).get("path").asText()).isEqualTo("weights.bin");
    assertThat(version.get("signature").get("signer").asText()).isEqualTo(signer.hint());
    assertThat(http.get(versions + "/v1/signature", TestTokens.READER).body())
        .isEqualTo(new String(bundle, StandardCharsets.UTF_8));
  }

  @Test
  void aFailingModelSigRefusesThePublishAndKeepsNothing() throws Exception {
    byte[] untrusted = TestSigner.generate().sign(Map.of("weights.bin", Versions.sha256(WEIGHTS)));
    assertCode(oneShot(untrusted), "SIGNATURE_UNTRUSTED");
    byte[] otherBytes = signer.sign(Map.of("weights.bin", Versions.sha256(new byte[] {1})));
    assertCode(oneShot(otherBytes), "SIGNATURE_MISMATCH:weights.bin");
    assertThat(http.get(versions, TestTokens.READER).body()).contains("\"items\":[]");
  }

  @Test
  void aModelSigInTheArtifactsDirIsAttached() throws Exception {
    Path dir = Files.createDirectories(root.resolve(p));
    Files.write(dir.resolve("weights.bin"), WEIGHTS);
    Files.write(
        dir.resolve("model.sig"), signer.sign(Map.of("weights.bin", Versions.sha256(WEIGHTS))));
    HttpResponse<String> res =
        http.post(
            versions,
            TestTokens.PUBLISHER,
            "{\"format\":\"generic\",\"artifacts_dir\":\"" + dir.toUri() + "\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    JsonNode version = JSON.readTree(res.body());
    assertThat(version.get("files")).hasSize(1);
    assertThat(version.get("signature").get("trusted").asBoolean()).isTrue();
  }

  private HttpResponse<String> oneShot(byte[] bundle) {
    byte[] body =
        MultipartBodies.body(
            MultipartBodies.part("metadata", null, METADATA.getBytes(StandardCharsets.UTF_8)),
            MultipartBodies.part("weights.bin", "weights.bin", WEIGHTS),
            MultipartBodies.part("model.sig", "model.sig", bundle));
    return http.sendBytes(
        "POST",
        versions,
        TestTokens.PUBLISHER,
        body,
        Map.of("Content-Type", "multipart/form-data; boundary=" + MultipartBodies.BOUNDARY));
  }

  private static void assertCode(HttpResponse<String> res, String code) throws Exception {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(422);
    assertThat(JSON.readTree(res.body()).get("code").asText()).isEqualTo(code);
  }
}
