package dev.cairn.registry.alias;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.ProjectPatch;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every activation rule of spec 20-integrity-activation, one behaviour per test. */
class AliasApiTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  private final CairnClient approver = registry.client(TestTokens.APPROVER);
  private final CairnClient reader = registry.client(TestTokens.READER);
  private String project;

  @BeforeEach
  void createModels() {
    project = TestRegistry.uniqueProject("alias");
    admin.projects().create(new ProjectCreate(project, null, new Policies(false, 0, true)));
    publisher.models().create(project, ModelCreate.named("fraud"));
    publisher
        .models()
        .create(
            project, ModelCreate.named("ink").withVariants(List.of("LOW", "MID", "HIGH"), "MID"));
  }

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
    assertThat(reader.aliases().get(project, "fraud", "staging")).isEqualTo(second);
    assertThat(reader.aliases().history(project, "fraud", "staging", 10, null).items())
        .extracting(AliasHistoryEntry::generation, AliasHistoryEntry::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "second"),
            org.assertj.core.groups.Tuple.tuple(1L, "first"));
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

  @Test
  void rollingBackTwiceReturnsToTheStart() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    Versions.ready(publisher, project, "fraud", "default", "two");
    approver
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version("v1", "start"), null, null);
    expectCode(
        "NO_PREVIOUS",
        () ->
            approver
                .aliases()
                .rollback(
                    project, "fraud", "production", new AliasRollback(null, "too early", null)));
    approver
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version("v2", "upgrade"), null, null);

    Alias back =
        approver
            .aliases()
            .rollback(project, "fraud", "production", new AliasRollback(null, "bad v2", null));
    Alias forth =
        approver
            .aliases()
            .rollback(project, "fraud", "production", new AliasRollback(null, "v2 fixed", null));

    assertThat(back.pointers()).containsEntry("default", "v1");
    assertThat(back.generation()).isEqualTo(3);
    assertThat(forth.pointers()).containsEntry("default", "v2");
    assertThat(forth.generation()).isEqualTo(4);
    assertThat(reader.aliases().history(project, "fraud", "production", 10, null).items())
        .extracting(AliasHistoryEntry::action)
        .containsExactly("ALIAS_ROLLBACK", "ALIAS_ROLLBACK", "ALIAS_UPDATE", "ALIAS_UPDATE");
  }

  @Test
  void ifMatchMismatchIs412WithTheCurrentAlias() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    Alias current =
        publisher
            .aliases()
            .put(project, "fraud", "staging", AliasUpdate.version("v1", "a"), null, null);

    assertThatThrownBy(
            () ->
                publisher
                    .aliases()
                    .put(project, "fraud", "staging", AliasUpdate.version("v1", "b"), 7L, null))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(412);
              assertThat(e.member("current").orElseThrow().get("generation").asLong()).isEqualTo(1);
            });
    expectCode(
        "PRECONDITION_FAILED",
        () ->
            publisher
                .aliases()
                .put(
                    project,
                    "fraud",
                    "staging",
                    AliasUpdate.version("v1", "c").expecting(0),
                    null,
                    null));
    assertThat(
            publisher
                .aliases()
                .put(
                    project,
                    "fraud",
                    "staging",
                    AliasUpdate.version("v1", "d"),
                    current.generation(),
                    null))
        .isNotNull();
  }

  @Test
  void aRepeatedIdempotencyKeyReturnsTheFirstAnswerAndChangesNothing() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    Versions.ready(publisher, project, "fraud", "default", "two");
    AliasUpdate update = AliasUpdate.version("v1", "once");

    Alias first = publisher.aliases().put(project, "fraud", "staging", update, null, "key-1");
    publisher
        .aliases()
        .put(project, "fraud", "staging", AliasUpdate.version("v2", "other"), null, null);
    Alias repeat = publisher.aliases().put(project, "fraud", "staging", update, null, "key-1");

    assertThat(repeat).isEqualTo(first);
    assertThat(reader.aliases().get(project, "fraud", "staging").pointers())
        .containsEntry("default", "v2");
    expectCode(
        "IDEMPOTENCY_KEY_REUSED",
        () ->
            publisher
                .aliases()
                .put(project, "fraud", "staging", AliasUpdate.version("v2", "x"), null, "key-1"));
  }

  @Test
  void latestFollowsTheNewestReadyVersionAndCannotBeWritten() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    Versions.ready(publisher, project, "fraud", "default", "two");

    assertThat(reader.aliases().get(project, "fraud", "latest").pointers())
        .containsEntry("default", "v2");
    expectCode(
        "ALIAS_RESERVED",
        () ->
            publisher
                .aliases()
                .put(project, "fraud", "latest", AliasUpdate.version("v1", "x"), null, null));
  }

  @Test
  void versionsAndModelsInUseCannotBeArchivedOrDeleted() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    publisher
        .aliases()
        .put(project, "fraud", "staging", AliasUpdate.version("v1", "x"), null, null);

    expectCode(
        "VERSION_IN_USE",
        () ->
            publisher
                .versions()
                .patch(project, "fraud", "v1", new VersionPatch(null, null, null, "ARCHIVED")));
    admin.models().patch(project, "fraud", ModelPatch.state("ARCHIVED"));
    expectCode("VERSION_IN_USE", () -> admin.models().delete(project, "fraud"));
    publisher.aliases().delete(project, "fraud", "staging");
    admin.models().delete(project, "fraud");
  }

  @Test
  void statusCountsInstancesOnTarget() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    Versions.ready(publisher, project, "fraud", "default", "two");
    approver
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version("v2", "x"), null, null);

    publisher.instances().report(project, "pod-a", report("v2"));
    publisher.instances().report(project, "pod-b", report("v1"));

    var serving = reader.models().status(project, "fraud", "production").serving();
    assertThat(serving.instances()).isEqualTo(2);
    assertThat(serving.onTarget()).isEqualTo(1);
    assertThat(reader.instances().list(project, "fraud", "production")).hasSize(2);
  }

  private static InstanceReport report(String version) {
    return new InstanceReport(
        "fraud",
        "production",
        1L,
        Map.of("default", new LoadedVersion(version, null, java.time.Instant.now())),
        "READY",
        null,
        null,
        null,
        30);
  }
}
