package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.SseReader;
import dev.cairn.registry.testing.SseReader.Sse;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Finding 12: a subscriber resuming after an id the database does not have (it was restored from an
 * older backup) gets {@code event: reset} carrying the newest id, and then hears new events.
 * Before: the stream stayed silent until the sequence passed the client's id. Issue 24, finding 14:
 * the reset is sent at once. Before: it waited in the buffer for the next heartbeat (15 s).
 */
class SseResumeAfterRestoreTest {

  private final TestRegistry registry = TestRegistry.shared();

  @Test
  void aResumePointPastTheNewestEventGetsAResetAndThenNewEvents() throws Exception {
    String project = TestRegistry.uniqueProject("restored");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));

    CompletableFuture<List<Sse>> heard =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return SseReader.read(registry.uri(), project, "999999999", 2);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(500);
    admin.models().create(project, ModelCreate.named("after-restore"));

    List<Sse> events = heard.get(20, TimeUnit.SECONDS);
    assertThat(events).extracting(Sse::type).containsExactly("reset", "model.created");
    assertThat(events.get(0).data()).contains("newer than the newest event");
    assertThat(events.get(1).id()).isGreaterThan(events.get(0).id());
  }

  @Test
  void theResetArrivesAtOnceNotWithTheNextHeartbeat() {
    String project = TestRegistry.uniqueProject("reset-now");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));

    // The shared registry beats every 15 s; nothing else is written to this project.
    CompletableFuture<List<Sse>> heard =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return SseReader.read(registry.uri(), project, "999999999", 1);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(heard)
        .succeedsWithin(Duration.ofSeconds(1))
        .satisfies(events -> assertThat(events).extracting(Sse::type).containsExactly("reset"));
  }
}
