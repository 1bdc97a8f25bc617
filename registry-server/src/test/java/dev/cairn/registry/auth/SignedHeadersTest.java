package dev.cairn.registry.auth;

import static dev.cairn.registry.auth.SignedCalls.model;
import static dev.cairn.registry.auth.SignedCalls.send;
import static dev.cairn.registry.auth.SignedCalls.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestSigningKeys;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 7: {@code If-Match}, {@code Idempotency-Key} and {@code Content-Type} are
 * signed whenever sent, and a nonce makes two identical requests in one second two signatures.
 */
class SignedHeadersTest {

  private final TestRegistry registry = TestRegistry.shared();
  private SignedCalls calls;

  @BeforeEach
  void project() {
    calls = SignedCalls.inNewProject(registry);
  }

  @Test
  void ifMatchIdempotencyKeyAndContentTypeAreSigned() throws Exception {
    String alias = "/api/v1/projects/" + calls.project() + "/models/ink/aliases/staging";
    registry
        .http()
        .post("/api/v1/projects/" + calls.project() + "/models", TestTokens.ADMIN, model("ink"));
    String put = "{\"version\":\"v9\",\"reason\":\"x\"}";
    Map<String, String> signedHeaders =
        Map.of("content-type", "application/json", "if-match", "\"3\"", "idempotency-key", "k1");
    Map<String, String> sent =
        Map.of("Content-Type", "application/json", "If-Match", "\"3\"", "Idempotency-Key", "k1");

    HttpResponse<String> otherIfMatch =
        send(
            calls.signed(
                TestSigningKeys.INSTALLER,
                Instant.now(),
                "PUT",
                alias,
                signedHeaders,
                with(sent, "If-Match", "\"4\""),
                put,
                put));
    HttpResponse<String> otherKey =
        send(
            calls.signed(
                TestSigningKeys.INSTALLER,
                Instant.now(),
                "PUT",
                alias,
                signedHeaders,
                with(sent, "Idempotency-Key", "k2"),
                put,
                put));
    HttpResponse<String> otherType =
        send(
            calls.signed(
                TestSigningKeys.INSTALLER,
                Instant.now(),
                "PUT",
                alias,
                signedHeaders,
                with(sent, "Content-Type", "application/json; charset=utf-8"),
                put,
                put));
    HttpResponse<String> unsignedIfMatch =
        send(
            calls.signed(
                TestSigningKeys.INSTALLER,
                Instant.now(),
                "PUT",
                alias,
                Map.of("content-type", "application/json"),
                sent,
                put,
                put));
    HttpResponse<String> asSigned =
        send(
            calls.signed(
                TestSigningKeys.INSTALLER,
                Instant.now(),
                "PUT",
                alias,
                signedHeaders,
                sent,
                put,
                put));

    for (HttpResponse<String> refused : List.of(otherIfMatch, otherKey, otherType)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      assertThat(refused.body()).contains("does not match");
    }
    assertThat(unsignedIfMatch.statusCode()).isEqualTo(401);
    assertThat(unsignedIfMatch.body()).contains("If-Match").contains("not signed");
    assertThat(asSigned.statusCode())
        .as("signed as sent, the request reaches the alias (no v9: 4xx of the API, not 401)")
        .isNotEqualTo(401);
  }

  @Test
  void theClientSignsIfMatchAndIdempotencyKey() {
    CairnClient client =
        CairnClient.signing(registry.uri(), TestSigningKeys.INSTALLER, Clock.systemUTC());
    client.models().create(calls.project(), ModelCreate.named("guarded"));
    Versions.ready(client, calls.project(), "guarded", "default", "one");
    Versions.ready(client, calls.project(), "guarded", "default", "two");
    client
        .aliases()
        .put(calls.project(), "guarded", "staging", AliasUpdate.version("v1", "a"), null, "k-1");

    Alias moved =
        client
            .aliases()
            .put(calls.project(), "guarded", "staging", AliasUpdate.version("v2", "b"), 1L, "k-2");

    assertThat(moved.generation()).isEqualTo(2);
    assertThat(moved.pointers()).containsEntry("default", "v2");
  }

  @Test
  void twoIdenticalRequestsInOneSecondAreBothAccepted() {
    Clock frozen = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    CairnClient client = CairnClient.signing(registry.uri(), TestSigningKeys.INSTALLER, frozen);
    client.models().create(calls.project(), ModelCreate.named("twice"));

    assertThat(client.models().get(calls.project(), "twice").name()).isEqualTo("twice");
    assertThat(client.models().get(calls.project(), "twice").name()).isEqualTo("twice");
  }
}
