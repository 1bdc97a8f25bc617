package dev.cairn.registry.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 28's must-show cases at {@code PUT .../signature}: a bundle is verified as it is put, so a
 * key the project does not trust or a file changed after signing is refused and nothing is stored,
 * and a trusted bundle is kept byte for byte and shown wherever the version is (listings, resolve),
 * which lets it activate. What a protected alias refuses is {@link RequiredSignatureTest}.
 */
class SignatureAttachTest extends SignedProject {

  @Test
  void aSignatureByAnUntrustedKeyIsRefusedAtPutAndNothingIsStored() throws Exception {
    Version v1 = ready("one");
    trust(TestSigner.generate());
    expect(sign(v1, ci.sign(files(v1))), 422, "SIGNATURE_UNTRUSTED");
    expect(http.get(signature(v1), TestTokens.READER), 404, "SIGNATURE_NOT_FOUND");
    assertThat(
            JSON.readTree(http.get(version(v1), TestTokens.READER).body())
                .get("signature")
                .isNull())
        .isTrue();
  }

  @Test
  void aTrustedSignatureIsStoredVerbatimShownAndLetsTheVersionActivate() throws Exception {
    Version v1 = ready("one");
    trust(ci);
    byte[] bundle = ci.sign(files(v1));
    HttpResponse<String> created = sign(v1, bundle);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    assertThat(body.get("method").asText()).isEqualTo("key");
    assertThat(body.get("signer").asText()).isEqualTo(ci.hint());
    assertThat(body.get("trusted").asBoolean()).isTrue();
    assertThat(body.get("verified_at").asText()).isNotBlank();
    assertThat(sign(v1, bundle).statusCode()).as("the same bytes again").isEqualTo(200);
    expect(sign(v1, ci.sign(files(v1))), 409, "SIGNATURE_EXISTS");

    HttpResponse<byte[]> stored = getBytes(signature(v1));
    assertThat(stored.body()).isEqualTo(bundle);
    assertThat(stored.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.dev.sigstore.bundle.v0.3+json");
    assertThat(stored.headers().firstValue("ETag")).hasValue("\"" + Versions.sha256(bundle) + "\"");

    JsonNode shown = JSON.readTree(http.get(version(v1), TestTokens.READER).body());
    assertThat(shown.get("signature").get("signer").asText()).isEqualTo(ci.hint());
    assertThat(shown.get("signature").get("trusted").asBoolean()).isTrue();
    for (String listing : List.of(model + "/versions", "/api/v1/projects/" + p + "/versions")) {
      JsonNode item =
          JSON.readTree(http.get(listing, TestTokens.READER).body()).get("items").get(0);
      assertThat(item.get("signature").get("signer").asText()).as(listing).isEqualTo(ci.hint());
    }
    assertThat(
            JSON.readTree(http.get("/api/v1/versions/" + v1.id(), TestTokens.READER).body())
                .get("signature")
                .get("trusted")
                .asBoolean())
        .isTrue();
    HttpResponse<String> activated = point("production", v1);
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    JsonNode resolved =
        JSON.readTree(
            http.get("/api/v1/projects/" + p + "/resolve?ref=m@production", TestTokens.READER)
                .body());
    assertThat(resolved.get("version").get("signature").get("method").asText()).isEqualTo("key");
    assertThat(resolved.get("signature").get("trusted").asBoolean()).isTrue();
    assertThat(admin.audit().list(p, AuditQuery.all()).items())
        .filteredOn(e -> e.action().equals("SIGNATURE_ATTACH"))
        .hasSize(1);
  }

  @Test
  void aFileChangedAfterSigningIsAMismatchNamingIt() throws Exception {
    Version v1 = ready("one");
    trust(ci);
    Map<String, String> tampered = Map.of("model.bin", Versions.sha256("0ne".getBytes()));
    JsonNode problem = expect(sign(v1, ci.sign(tampered)), 422, "SIGNATURE_MISMATCH:model.bin");
    assertThat(problem.get("detail").asText()).contains(v1.version());
    expect(http.get(signature(v1), TestTokens.READER), 404, "SIGNATURE_NOT_FOUND");
  }

  private HttpResponse<byte[]> getBytes(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(registry.uri().resolve(path))
                .header("Authorization", "Bearer " + TestTokens.READER)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
