package dev.cairn.registry.events;

import static dev.cairn.registry.testing.SseReader.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.EventSubscriber;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.RegistryEvent;
import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.testing.SecondReplica;
import dev.cairn.registry.testing.SseReader.Sse;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event stream across two replicas: replay, resume, live follow over NOTIFY, reset. */
class EventStreamTest {

  private static TestRegistry replicaA;
  private static RegistryServer replicaB;

  @BeforeAll
  static void start() {
    replicaA = TestRegistry.start(Map.of("CAIRN_SSE_HEARTBEAT_SECONDS", "1"));
    replicaB = SecondReplica.of(replicaA);
  }

  @AfterAll
  static void stop() {
    replicaB.close();
    replicaA.close();
  }

  /** An SSE event as the wire carries it. */
  @Test
  void resumingWithLastEventIdDeliversEveryEventOnceInOrderIncludingTheOtherReplicas()
      throws Exception {
    String project = TestRegistry.uniqueProject("resume");
    CairnClient onA = replicaA.client(TestTokens.ADMIN);
    CairnClient onB = CairnClient.create(replicaB.uri(), TestTokens.ADMIN);
    onA.projects().create(ProjectCreate.named(project));
    for (int i = 0; i < 5; i++) {
      onA.models().create(project, ModelCreate.named("a" + i));
      onB.models().create(project, ModelCreate.named("b" + i));
    }

    List<Sse> firstPart = read(replicaA.uri(), project, "0", 6);
    long resumeFrom = firstPart.get(firstPart.size() - 1).id();
    for (int i = 0; i < 5; i++) {
      onB.models().patch(project, "b" + i, ModelPatch.state("ARCHIVED"));
    }
    List<Sse> secondPart = read(replicaA.uri(), project, Long.toString(resumeFrom), 9);

    List<Sse> all = new ArrayList<>(firstPart);
    all.addAll(secondPart);
    assertThat(all).extracting(Sse::id).doesNotHaveDuplicates().isSorted();
    assertThat(all)
        .extracting(Sse::type)
        .containsExactly(
            "model.created",
            "model.created",
            "model.created",
            "model.created",
            "model.created",
            "model.created",
            "model.created",
            "model.created",
            "model.created",
            "model.created",
            "model.updated",
            "model.updated",
            "model.updated",
            "model.updated",
            "model.updated");
    assertThat(secondPart.get(secondPart.size() - 1).data())
        .contains("\"model\":\"b4\"", "ARCHIVED");
  }

  @Test
  void subscriberOnOneReplicaHearsWritesOfTheOtherWithinSeconds() {
    String project = TestRegistry.uniqueProject("live");
    CairnClient onB = CairnClient.create(replicaB.uri(), TestTokens.ADMIN);
    onB.projects().create(ProjectCreate.named(project));
    List<RegistryEvent> heard = new CopyOnWriteArrayList<>();
    try (EventSubscriber subscriber =
        EventSubscriber.start(
            replicaA.uri(), TestTokens.READER, project, List.of(), 0, heard::add)) {
      await().atMost(Duration.ofSeconds(10)).until(subscriber::connected);
      onB.models().create(project, ModelCreate.named("from-b"));

      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> assertThat(heard).extracting(RegistryEvent::type).contains("model.created"));
      assertThat(heard.get(0).data().get("model").asText()).isEqualTo("from-b");
    }
  }

  @Test
  void filtersByModelAndType() throws Exception {
    String project = TestRegistry.uniqueProject("filter");
    CairnClient admin = replicaA.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("keep"));
    admin.models().create(project, ModelCreate.named("skip"));
    admin.models().patch(project, "keep", ModelPatch.state("ARCHIVED"));

    List<Sse> events =
        read(
            URI.create(
                replicaA.uri()
                    + "/api/v1/projects/"
                    + project
                    + "/events?model=keep&type=model.updated&after=0"),
            1);

    assertThat(events).extracting(Sse::type).containsExactly("model.updated");
    assertThat(events.get(0).data()).contains("\"model\":\"keep\"");
  }

  @Test
  void aResumePointOlderThanRetentionGetsOneReset() throws Exception {
    String project = TestRegistry.uniqueProject("reset");
    CairnClient admin = replicaA.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    for (int i = 0; i < 3; i++) {
      admin.models().create(project, ModelCreate.named("m" + i));
    }
    try (Connection c = replicaA.sql();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM events WHERE seq < (SELECT MAX(seq) FROM events)");
    }

    List<Sse> events = read(replicaA.uri(), project, "1", 1);

    assertThat(events).extracting(Sse::type).containsExactly("reset");
  }
}
