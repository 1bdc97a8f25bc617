package dev.cairn.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.signing.RequestSignature;
import dev.cairn.client.signing.SigningKey;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestSigningKeys;
import dev.cairn.registry.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: requests signed with a pre-shared key (spec 75-cli, "Offline installers") are accepted
 * and audited under the key id, and refused when replayed, older than five minutes, carrying
 * another body than the one signed, or signed by an unknown key.
 */
class SignedRequestTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final TestRegistry registry = TestRegistry.shared();
  private String project;

  @BeforeEach
  void project() {
    project = TestRegistry.uniqueProject("signed");
    registry.http().post("/api/v1/projects", TestTokens.ADMIN, "{\"name\":\"" + project + "\"}");
  }

  @Test
  void aSignedRequestIsAcceptedOnceAndAuditedUnderTheKeyId() throws Exception {
    HttpRequest request = signed(TestSigningKeys.INSTALLER, Instant.now(), model("ink"), null);

    HttpResponse<String> first = send(request);
    HttpResponse<String> replayed = send(request);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(replayed.body()).contains("UNAUTHENTICATED").contains("already used");
    String audit =
        registry
            .http()
            .get("/api/v1/projects/" + project + "/audit?model=ink", TestTokens.ADMIN)
            .body();
    assertThat(audit).contains("\"actor\":\"" + TestSigningKeys.INSTALLER.keyId() + "\"");
  }

  @Test
  void theClientSignsEveryRequestWithTheKey() {
    CairnClient client =
        CairnClient.signing(registry.uri(), TestSigningKeys.INSTALLER, Clock.systemUTC());

    client.models().create(project, ModelCreate.named("scorer"));

    assertThat(client.models().get(project, "scorer").name()).isEqualTo("scorer");
  }

  @Test
  void aSignatureOlderThanFiveMinutesIsRefused() throws Exception {
    Instant stale = Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(5);

    HttpResponse<String> answer =
        send(signed(TestSigningKeys.INSTALLER, stale, model("old"), null));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("more than 5 minutes");
    assertNoModel("old");
  }

  @Test
  void aBodyOtherThanTheSignedOneIsRefusedAndNothingIsWritten() throws Exception {
    HttpResponse<String> answer =
        send(signed(TestSigningKeys.INSTALLER, Instant.now(), model("signed"), model("swapped")));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("not the one signed");
    assertNoModel("signed");
    assertNoModel("swapped");
  }

  @Test
  void anUnknownKeyOrAWrongSecretIsRefused() throws Exception {
    SigningKey unknown = new SigningKey("nobody", TestSigningKeys.INSTALLER.secret());
    SigningKey wrongSecret =
        new SigningKey(TestSigningKeys.INSTALLER.keyId(), "not the secret of site 7 at all");

    HttpResponse<String> byUnknown = send(signed(unknown, Instant.now(), model("u"), null));
    HttpResponse<String> byWrong = send(signed(wrongSecret, Instant.now(), model("w"), null));

    assertThat(byUnknown.statusCode()).isEqualTo(401);
    assertThat(byUnknown.body()).contains("unknown key");
    assertThat(byWrong.statusCode()).isEqualTo(401);
    assertThat(byWrong.body()).contains("does not match");
    assertNoModel("u");
    assertNoModel("w");
  }

  private void assertNoModel(String name) {
    assertThat(
            registry
                .http()
                .get("/api/v1/projects/" + project + "/models/" + name, TestTokens.ADMIN)
                .statusCode())
        .isEqualTo(404);
  }

  private static String model(String name) {
    return "{\"name\":\"" + name + "\"}";
  }

  /** POST of a model, signed over {@code signedBody} at {@code date}, sending {@code sentBody}. */
  private HttpRequest signed(SigningKey key, Instant date, String signedBody, String sentBody)
      throws Exception {
    String path = "/api/v1/projects/" + project + "/models";
    String digest =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(signedBody.getBytes(StandardCharsets.UTF_8)));
    String when = date.truncatedTo(ChronoUnit.SECONDS).toString();
    String signature =
        RequestSignature.hmac(
            key.secretBytes(), RequestSignature.canonical("POST", path, null, when, digest));
    return HttpRequest.newBuilder(URI.create(registry.uri() + path))
        .header("Content-Type", "application/json")
        .header(RequestSignature.DATE_HEADER, when)
        .header(RequestSignature.DIGEST_HEADER, digest)
        .header(
            "Authorization",
            new RequestSignature.Header(key.keyId(), RequestSignature.SIGNED_HEADERS, signature)
                .value())
        .POST(HttpRequest.BodyPublishers.ofString(sentBody == null ? signedBody : sentBody))
        .build();
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
