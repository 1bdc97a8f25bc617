package dev.cairn.registry.auth;

import static dev.cairn.registry.auth.SignedCalls.model;
import static dev.cairn.registry.auth.SignedCalls.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.signing.SigningKey;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestSigningKeys;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: requests signed with a pre-shared key (spec 75-cli, "Offline installers") are accepted
 * and audited under the key id, and refused when replayed, older than five minutes, carrying
 * another body than the one signed, or signed by an unknown key.
 */
class SignedRequestTest {

  private final TestRegistry registry = TestRegistry.shared();
  private SignedCalls calls;

  @BeforeEach
  void project() {
    calls = SignedCalls.inNewProject(registry);
  }

  @Test
  void aSignedRequestIsAcceptedOnceAndAuditedUnderTheKeyId() throws Exception {
    HttpRequest request =
        calls.signed(TestSigningKeys.INSTALLER, Instant.now(), model("ink"), null);

    HttpResponse<String> first = send(request);
    HttpResponse<String> replayed = send(request);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(replayed.body()).contains("UNAUTHENTICATED").contains("already used");
    String audit =
        registry
            .http()
            .get("/api/v1/projects/" + calls.project() + "/audit?model=ink", TestTokens.ADMIN)
            .body();
    assertThat(audit).contains("\"actor\":\"" + TestSigningKeys.INSTALLER.keyId() + "\"");
  }

  @Test
  void theClientSignsEveryRequestWithTheKey() {
    CairnClient client =
        CairnClient.signing(registry.uri(), TestSigningKeys.INSTALLER, Clock.systemUTC());

    client.models().create(calls.project(), ModelCreate.named("scorer"));

    assertThat(client.models().get(calls.project(), "scorer").name()).isEqualTo("scorer");
  }

  @Test
  void aSignatureOlderThanFiveMinutesIsRefused() throws Exception {
    Instant stale = Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(5);

    HttpResponse<String> answer =
        send(calls.signed(TestSigningKeys.INSTALLER, stale, model("old"), null));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("more than 5 minutes");
    calls.assertNoModel("old");
  }

  @Test
  void aBodyOtherThanTheSignedOneIsRefusedAndNothingIsWritten() throws Exception {
    HttpResponse<String> answer =
        send(
            calls.signed(
                TestSigningKeys.INSTALLER, Instant.now(), model("signed"), model("swapped")));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("not the one signed");
    calls.assertNoModel("signed");
    calls.assertNoModel("swapped");
  }

  @Test
  void anUnknownKeyOrAWrongSecretIsRefused() throws Exception {
    SigningKey unknown = new SigningKey("nobody", TestSigningKeys.INSTALLER.secret());
    SigningKey wrongSecret =
        new SigningKey(TestSigningKeys.INSTALLER.keyId(), "not the secret of site 7 at all");

    HttpResponse<String> byUnknown = send(calls.signed(unknown, Instant.now(), model("u"), null));
    HttpResponse<String> byWrong = send(calls.signed(wrongSecret, Instant.now(), model("w"), null));

    assertThat(byUnknown.statusCode()).isEqualTo(401);
    assertThat(byUnknown.body()).contains("unknown key");
    assertThat(byWrong.statusCode()).isEqualTo(401);
    assertThat(byWrong.body()).contains("does not match");
    calls.assertNoModel("u");
    calls.assertNoModel("w");
  }
}
