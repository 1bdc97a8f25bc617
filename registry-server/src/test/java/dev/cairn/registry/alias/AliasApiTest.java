package dev.cairn.registry.alias;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectPatch;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Every activation rule of spec 20-integrity-activation, one behaviour per test. */
class AliasApiTest extends AliasApiFixture {

  @Test
  void everyChangeIsOneGenerationWithHistoryNewestFirst() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    Versions.ready(publisher, project, "fraud", "default", "two");

    Alias first =
        publisher
            .aliases()
            .put(project, "fraud", "staging", AliasUpdate.version("v1", "first"), null, null);
    Alias second =
        publisher
            .aliases()
            .put(project, "fraud", "staging", AliasUpdate.version("v2", "second"), null, null);

    assertThat(first.generation()).isEqualTo(1);
    assertThat(second.generation()).isEqualTo(2);
    assertThat(second.pointers()).containsExactly(Map.entry("default", "v2"));
    // GET of one alias adds each pointer's signature status (issue 28).
    assertThat(reader.aliases().get(project, "fraud", "staging"))
        .isEqualTo(second.withSignature(Map.of("default", "unsigned")));
    assertThat(reader.aliases().history(project, "fraud", "staging", 10, null).items())
        .extracting(AliasHistoryEntry::generation, AliasHistoryEntry::reason)
        .containsExactly(Tuple.tuple(2L, "second"), Tuple.tuple(1L, "first"));
    assertThat(reader.versions().get(project, "fraud", "v2").aliases()).containsExactly("staging");
  }

  @Test
  void readersAndPublishersAreRefusedOnProtectedAliases() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    AliasUpdate update = AliasUpdate.version("v1", "go live");

    expectCode(
        "FORBIDDEN",
        () -> reader.aliases().put(project, "fraud", "production", update, null, null));
    expectCode(
        "FORBIDDEN",
        () -> publisher.aliases().put(project, "fraud", "production", update, null, null));
    assertThat(
            approver.aliases().put(project, "fraud", "production", update, null, null).generation())
        .isEqualTo(1);
  }

  @Test
  void refusesVersionsThatAreNotReadyOrOfAnotherVariant() {
    publisher.versions().create(project, "fraud", VersionCreate.ofFormat("generic"));
    Versions.ready(publisher, project, "ink", "HIGH", "high");

    expectCode(
        "VERSION_NOT_READY:default",
        () ->
            approver
                .aliases()
                .put(project, "fraud", "production", AliasUpdate.version("v1", "x"), null, null));
    expectCode(
        "VARIANT_MISMATCH:LOW",
        () ->
            publisher
                .aliases()
                .put(
                    project,
                    "ink",
                    "staging",
                    AliasUpdate.pointers(Map.of("LOW", "v1"), "x"),
                    null,
                    null));
  }

  @Test
  void protectedAliasNeedsEveryVariantAndTheModelBecomesActive() {
    assertThat(reader.models().status(project, "ink", "production").status())
        .isEqualTo("INCOMPLETE");
    Versions.ready(publisher, project, "ink", "LOW", "low");
    Versions.ready(publisher, project, "ink", "MID", "mid");
    assertThat(reader.models().status(project, "ink", "production").status())
        .isEqualTo("INCOMPLETE");
    Versions.ready(publisher, project, "ink", "HIGH", "high");
    assertThat(reader.models().status(project, "ink", "production").status()).isEqualTo("INACTIVE");

    assertThatThrownBy(
            () ->
                approver
                    .aliases()
                    .put(
                        project,
                        "ink",
                        "production",
                        AliasUpdate.pointers(Map.of("LOW", "v1"), "x"),
                        null,
                        null))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("MODEL_INCOMPLETE:MID");
            });
    approver
        .aliases()
        .put(
            project,
            "ink",
            "production",
            AliasUpdate.pointers(Map.of("LOW", "v1", "MID", "v2", "HIGH", "v3"), "all modes"),
            null,
            null);

    var status = reader.models().status(project, "ink", "production");
    assertThat(status.status()).isEqualTo("ACTIVE");
    assertThat(status.active()).containsEntry("HIGH", "v3");
    assertThat(status.missing()).isEmpty();
  }

  @Test
  void separationOfDutiesStopsCreatorsFromApprovingTheirOwnVersions() {
    admin.projects().patch(project, new ProjectPatch(null, new Policies(true, null, null)));
    Versions.ready(admin, project, "fraud", "default", "by admin");

    expectCode(
        "SEPARATION_OF_DUTIES",
        () ->
            admin
                .aliases()
                .put(
                    project, "fraud", "production", AliasUpdate.version("v1", "mine"), null, null));
    assertThat(
            approver
                .aliases()
                .put(
                    project, "fraud", "production", AliasUpdate.version("v1", "4 eyes"), null, null)
                .generation())
        .isEqualTo(1);
  }

  @Test
  void protectedWritesAreRateLimitedAcrossTheDatabase() {
    admin.projects().patch(project, new ProjectPatch(null, new Policies(null, 2, null)));
    for (int i = 1; i <= 3; i++) {
      Versions.ready(publisher, project, "fraud", "default", "v" + i);
    }
    approver
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version("v1", "1"), null, null);
    approver
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version("v2", "2"), null, null);

    var res =
        registry
            .http()
            .send(
                "PUT",
                "/api/v1/projects/" + project + "/models/fraud/aliases/production",
                TestTokens.APPROVER,
                "{\"version\":\"v3\",\"reason\":\"3\"}");
    assertThat(res.statusCode()).isEqualTo(429);
    assertThat(res.body()).contains("RATE_LIMITED");
    assertThat(Integer.parseInt(res.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1, 61);
    assertThat(reader.aliases().get(project, "fraud", "production").generation()).isEqualTo(2);
  }
}
