package dev.cairn.registry.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.testing.AliasRace;
import dev.cairn.registry.testing.SecondReplica;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The invariants of spec 20-integrity-activation under contention: two registry replicas on one
 * database, 200 PUTs racing with the same {@code If-Match}, a reader polling both replicas.
 */
class ConcurrentActivationTest {

  private static final int RACERS = 200;
  private static final Map<String, String> FIRST = Map.of("LOW", "v1", "MID", "v2", "HIGH", "v3");
  private static final Map<String, String> SECOND = Map.of("LOW", "v4", "MID", "v5", "HIGH", "v6");

  private static TestRegistry replicaA;
  private static RegistryServer replicaB;

  @BeforeAll
  static void startTwoReplicas() {
    replicaA = TestRegistry.start(Map.of());
    replicaB = SecondReplica.of(replicaA);
  }

  @AfterAll
  static void stop() {
    replicaB.close();
    replicaA.close();
  }

  @Test
  void exactlyOneOfTwoHundredRacingPutsWinsAndNoReaderSeesAMixedSet() throws Exception {
    CairnClient onA = replicaA.client(TestTokens.APPROVER);
    CairnClient onB = CairnClient.create(replicaB.uri(), TestTokens.APPROVER);
    CairnClient publisher = replicaA.client(TestTokens.PUBLISHER);
    replicaA
        .client(TestTokens.ADMIN)
        .projects()
        .create(new ProjectCreate("race", null, new Policies(false, 0, true)));
    publisher
        .models()
        .create(
            "race", ModelCreate.named("ink").withVariants(List.of("LOW", "MID", "HIGH"), "MID"));
    for (String variant : List.of("LOW", "MID", "HIGH", "LOW", "MID", "HIGH")) {
      Versions.ready(publisher, "race", "ink", variant, variant + Math.random());
    }
    Alias start =
        onA.aliases()
            .put("race", "ink", "production", AliasUpdate.pointers(FIRST, "start"), null, null);

    AliasRace.Outcome race =
        AliasRace.run(onA, onB, "race", "ink", "production", SECOND, start.generation(), RACERS);
    List<Integer> statuses = race.statuses();
    Set<Map<String, String>> seen = race.seen();

    assertThat(statuses).hasSize(RACERS);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
    assertThat(statuses.stream().filter(s -> s == 412).count()).isEqualTo(RACERS - 1);
    assertThat(seen).allMatch(set -> set.equals(FIRST) || set.equals(SECOND));
    assertThat(onB.aliases().get("race", "ink", "production").pointers()).isEqualTo(SECOND);
    List<Long> generations =
        onA.aliases().history("race", "ink", "production", 100, null).items().stream()
            .map(AliasHistoryEntry::generation)
            .toList();
    assertThat(generations).containsExactly(2L, 1L);
    var audit = replicaA.client(TestTokens.ADMIN).audit().verify();
    assertThat(audit.valid()).isTrue();
  }

  @Test
  void sequentialChangesThroughBothReplicasKeepGenerationsGapFree() {
    CairnClient onA = replicaA.client(TestTokens.PUBLISHER);
    CairnClient onB = CairnClient.create(replicaB.uri(), TestTokens.PUBLISHER);
    replicaA.client(TestTokens.ADMIN).projects().create(ProjectCreate.named("steps"));
    onA.models().create("steps", ModelCreate.named("m"));
    Versions.ready(onA, "steps", "m", "default", "a");
    Versions.ready(onA, "steps", "m", "default", "b");

    long generation = 0;
    for (int i = 0; i < 10; i++) {
      CairnClient side = i % 2 == 0 ? onA : onB;
      generation =
          side.aliases()
              .put(
                  "steps",
                  "m",
                  "staging",
                  AliasUpdate.version(i % 2 == 0 ? "v1" : "v2", "step"),
                  generation == 0 ? null : generation,
                  null)
              .generation();
    }

    assertThat(generation).isEqualTo(10);
    assertThat(onB.aliases().history("steps", "m", "staging", 100, null).items())
        .extracting(AliasHistoryEntry::generation)
        .containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
  }
}
