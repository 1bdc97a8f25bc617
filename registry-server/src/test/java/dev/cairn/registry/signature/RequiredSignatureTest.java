package dev.cairn.registry.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 28's must-show cases at the alias: a project that requires signatures on {@code production}
 * refuses to point it at an unsigned version (audited, other aliases unaffected), and once a key is
 * removed from the trust policy what it signed shows untrusted everywhere and cannot be activated
 * again, while the current pointer stays. How a signature is put is {@link SignatureAttachTest}.
 */
class RequiredSignatureTest extends SignedProject {

  @Test
  void anUnsignedVersionCannotBecomeProductionAndTheRefusalIsAudited() throws Exception {
    Version v1 = ready("one");
    JsonNode problem = expect(point("production", v1), 422, "SIGNATURE_REQUIRED");
    assertThat(problem.get("detail").asText()).contains(v1.version()).contains("default");
    assertThat(http.get(model + "/aliases/production", TestTokens.READER).statusCode())
        .as("nothing changed")
        .isEqualTo(404);
    assertThat(admin.audit().list(p, AuditQuery.all()).items())
        .filteredOn(e -> e.action().equals("ALIAS_REFUSED"))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("SIGNATURE_REQUIRED", "no signature"));
    // An unprotected alias is not affected by the policy.
    assertThat(point("staging", v1).statusCode()).isEqualTo(200);
  }

  @Test
  void aKeyRemovedLaterShowsUntrustedAndRefusesANewActivationOfWhatItSigned() throws Exception {
    Version v1 = ready("one");
    Version v2 = ready("two");
    trust(ci);
    assertThat(sign(v1, ci.sign(files(v1))).statusCode()).isEqualTo(201);
    assertThat(sign(v2, ci.sign(files(v2))).statusCode()).isEqualTo(201);
    assertThat(point("production", v1).statusCode()).isEqualTo(200);
    assertThat(point("production", v2).statusCode()).isEqualTo(200);
    String resolve = "/api/v1/projects/" + p + "/resolve?ref=m@production";
    assertThat(
            JSON.readTree(http.get(resolve, TestTokens.READER).body())
                .get("signature")
                .get("trusted")
                .asBoolean())
        .isTrue();

    String etag = http.get(resolve, TestTokens.READER).headers().firstValue("ETag").orElseThrow();
    assertThat(http.send("PUT", trust(), TestTokens.ADMIN, "{\"keys\":[]}").statusCode())
        .isEqualTo(200);
    assertThat(
            http.send("GET", resolve, TestTokens.READER, null, Map.of("If-None-Match", etag))
                .statusCode())
        .as("a removed key is news: not 304")
        .isEqualTo(200);

    JsonNode alias =
        JSON.readTree(http.get(model + "/aliases/production", TestTokens.READER).body());
    assertThat(alias.get("pointers").get("default").asText())
        .as("the current pointer is not moved")
        .isEqualTo(v2.version());
    assertThat(alias.get("signature").get("default").asText()).isEqualTo("untrusted");
    assertThat(
            JSON.readTree(http.get(resolve, TestTokens.READER).body())
                .get("signature")
                .get("trusted")
                .asBoolean())
        .as("the cached resolution was dropped with the policy change")
        .isFalse();
    HttpResponse<String> back =
        http.post(model + "/aliases/production/rollback", TestTokens.ADMIN, "{\"reason\":\"r\"}");
    expect(back, 422, "SIGNATURE_UNTRUSTED");
    assertThat(
            JSON.readTree(http.get(model + "/aliases/production", TestTokens.READER).body())
                .get("generation")
                .asLong())
        .isEqualTo(2);
    // Counted at most every 15 s, off the scrape (review 12 item 11): a later scrape shows it.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(http.get("/metrics", null).body())
                    .contains(
                        "cairn_alias_untrusted_pointers{alias=\"production\",model=\"m\",project=\""
                            + p
                            + "\"} 1"));
  }
}
