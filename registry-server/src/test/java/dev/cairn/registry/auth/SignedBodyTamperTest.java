package dev.cairn.registry.auth;

import static dev.cairn.registry.auth.SignedCalls.model;
import static dev.cairn.registry.auth.SignedCalls.send;
import static dev.cairn.registry.auth.SignedCalls.sha256;
import static dev.cairn.registry.auth.SignedCalls.tamperedCopy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestSigningKeys;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 7: a copy of a signed request with another body is refused without using up the
 * signature, so the genuine request — JSON or a streamed upload — is still accepted once.
 */
class SignedBodyTamperTest {

  private final TestRegistry registry = TestRegistry.shared();
  private SignedCalls calls;

  @BeforeEach
  void project() {
    calls = SignedCalls.inNewProject(registry);
  }

  @Test
  void aTamperedBodyDoesNotUseUpTheSignatureOfTheGenuineRequest() throws Exception {
    HttpRequest genuine =
        calls.signed(TestSigningKeys.INSTALLER, Instant.now(), model("mine"), null);
    HttpRequest tampered = tamperedCopy(genuine, model("theirs"));

    HttpResponse<String> first = send(tampered);
    HttpResponse<String> second = send(genuine);
    HttpResponse<String> replayed = send(genuine);

    assertThat(first.statusCode()).isEqualTo(401);
    assertThat(first.body()).contains("not the one signed");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(replayed.body()).contains("already used");
    calls.assertNoModel("theirs");
  }

  @Test
  void aTamperedBodyThatIsNotJsonDoesNotUseUpTheSignatureEither() throws Exception {
    HttpRequest genuine =
        calls.signed(TestSigningKeys.INSTALLER, Instant.now(), model("json"), null);

    HttpResponse<String> first = send(tamperedCopy(genuine, "{not json"));
    HttpResponse<String> second = send(genuine);

    assertThat(first.statusCode()).isEqualTo(401);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
  }

  @Test
  void aTamperedUploadDoesNotUseUpTheSignatureOfTheGenuineUpload() throws Exception {
    String weights = "weights of an offline site ".repeat(4096);
    String sha = sha256(weights);
    registry
        .http()
        .post("/api/v1/projects/" + calls.project() + "/models", TestTokens.ADMIN, model("up"));
    registry
        .http()
        .post(
            "/api/v1/projects/" + calls.project() + "/models/up/versions",
            TestTokens.ADMIN,
            "{\"format\":\"generic\",\"files\":[{\"path\":\"w.bin\",\"sha256\":\""
                + sha
                + "\",\"size_bytes\":"
                + weights.length()
                + "}]}");
    String file = "/api/v1/projects/" + calls.project() + "/models/up/versions/v1/files/w.bin";
    Map<String, String> type = Map.of("Content-Type", "application/octet-stream");
    HttpRequest genuine =
        calls.signed(
            TestSigningKeys.INSTALLER,
            Instant.now(),
            "PUT",
            file,
            Map.of("content-type", "application/octet-stream"),
            type,
            weights,
            weights);

    HttpResponse<String> tampered = send(tamperedCopy(genuine, weights.replace('w', 'v')));
    HttpResponse<String> uploaded = send(genuine);

    assertThat(tampered.statusCode()).isEqualTo(401);
    assertThat(tampered.body()).contains("not the one signed");
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
  }
}
