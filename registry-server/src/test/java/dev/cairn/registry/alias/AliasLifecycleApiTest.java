package dev.cairn.registry.alias;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.registry.testing.Versions;
import org.junit.jupiter.api.Test;

/**
 * What happens to an alias over time: rollback, If-Match, idempotent retries, the server-maintained
 * {@code latest}, archiving what aliases point at, and serving status.
 */
class AliasLifecycleApiTest extends AliasApiFixture {

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
        .put(project, "fraud", "production", AliasUpdate.version("v1", "x"), null, null);
    approver
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version("v2", "x"), null, null);

    sidecar.instances().report(project, "pod-a", report("v2", 2));
    sidecar.instances().report(project, "pod-b", report("v1", 1));

    var serving = reader.models().status(project, "fraud", "production").serving();
    assertThat(serving.instances()).isEqualTo(2);
    assertThat(serving.onTarget()).isEqualTo(1);
    assertThat(reader.instances().list(project, "fraud", "production")).hasSize(2);
  }
}
