package dev.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.EventSubscriber;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.RegistryEvent;
import dev.cairn.registry.testing.AliasRace;
import dev.cairn.registry.testing.JarReplica;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two registry processes on one database: the in-test registry and {@code java -jar} of the built
 * artifact. Alias races and event resumption hold across the process boundary.
 */
class TwoProcessReplicasIT {

  private static final Map<String, String> FIRST = Map.of("LOW", "v1", "HIGH", "v2");
  private static final Map<String, String> SECOND = Map.of("LOW", "v3", "HIGH", "v4");

  private static TestRegistry processA;
  private static JarReplica processB;

  @BeforeAll
  static void start() throws Exception {
    processA = TestRegistry.start(Map.of());
    processB = JarReplica.of(processA);
  }

  @AfterAll
  static void stop() throws Exception {
    processB.close();
    processA.close();
  }

  @Test
  void twoHundredRacingIfMatchPutsAcrossProcessesHaveOneWinner() throws Exception {
    CairnClient onA = processA.client(TestTokens.APPROVER);
    CairnClient onB = CairnClient.create(processB.uri(), TestTokens.APPROVER);
    CairnClient publisher = CairnClient.create(processB.uri(), TestTokens.PUBLISHER);
    processA
        .client(TestTokens.ADMIN)
        .projects()
        .create(new ProjectCreate("race2", null, new Policies(false, 0, true)));
    publisher
        .models()
        .create("race2", ModelCreate.named("ink").withVariants(List.of("LOW", "HIGH"), "HIGH"));
    for (String variant : List.of("LOW", "HIGH", "LOW", "HIGH")) {
      Versions.ready(publisher, "race2", "ink", variant, variant + Math.random());
    }
    Alias start =
        onA.aliases()
            .put("race2", "ink", "production", AliasUpdate.pointers(FIRST, "start"), null, null);

    AliasRace.Outcome race =
        AliasRace.run(onA, onB, "race2", "ink", "production", SECOND, start.generation(), 200);
    List<Integer> statuses = race.statuses();
    Set<Map<String, String>> seen = race.seen();

    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
    assertThat(statuses.stream().filter(s -> s == 412).count()).isEqualTo(199);
    assertThat(seen).allMatch(set -> set.equals(FIRST) || set.equals(SECOND));
    assertThat(onA.aliases().history("race2", "ink", "production", 10, null).items())
        .extracting(AliasHistoryEntry::generation)
        .containsExactly(2L, 1L);
    assertThat(processA.client(TestTokens.ADMIN).audit().verify().valid()).isTrue();
  }

  @Test
  void aSubscriberThatWasAwayResumesWithEveryEventOfTheOtherProcess() {
    CairnClient onB = CairnClient.create(processB.uri(), TestTokens.ADMIN);
    onB.projects().create(ProjectCreate.named("away"));
    List<RegistryEvent> heard = new CopyOnWriteArrayList<>();
    long resumeFrom;
    try (EventSubscriber first =
        EventSubscriber.start(
            processA.uri(), TestTokens.READER, "away", List.of(), 0, heard::add)) {
      onB.models().create("away", ModelCreate.named("m1"));
      await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 1);
      resumeFrom = first.lastEventId();
    }
    for (int i = 2; i <= 6; i++) {
      onB.models().create("away", ModelCreate.named("m" + i));
    }
    try (EventSubscriber again =
        EventSubscriber.start(
            processA.uri(), TestTokens.READER, "away", List.of(), resumeFrom, heard::add)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 6);
    }

    assertThat(heard)
        .extracting(e -> e.data().get("model").asText())
        .containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
    assertThat(heard).extracting(RegistryEvent::id).isSorted().doesNotHaveDuplicates();
  }
}
