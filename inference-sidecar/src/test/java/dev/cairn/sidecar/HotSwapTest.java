package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelStatus;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Must show 2: twenty flips under constant inference load, no failed request, no mixed answer. */
class HotSwapTest {

  private final TestRegistry registry = TestRegistry.shared();
  @TempDir Path cache;

  @Test
  void flipsTwentyTimesUnderLoadWithoutAFailedRequest() throws Exception {
    String project = Sidecars.scorerProject(registry, "swap", 2);
    CairnClient approver = registry.client(TestTokens.APPROVER);

    try (Sidecar sidecar = Sidecars.start(registry.uri(), project, "scorer", cache, List.of())) {
      SidecarClient client = new SidecarClient(sidecar.port());
      await().atMost(Duration.ofSeconds(20)).until(() -> sidecar.ready());
      assertThat(client.infer("scorer")).isEqualTo(1f);

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      AtomicReference<Float> latest = new AtomicReference<>(1f);
      ConcurrentHashMap<Float, Boolean> seen = new ConcurrentHashMap<>();
      Thread load =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      try {
                        float answer = client.infer("scorer");
                        seen.put(answer, true);
                        latest.set(answer);
                        answered.incrementAndGet();
                      } catch (RuntimeException e) {
                        failed.incrementAndGet();
                      }
                    }
                  });
      for (int flip = 1; flip <= 20; flip++) {
        String version = flip % 2 == 1 ? "v2" : "v1";
        float expected = flip % 2 == 1 ? 2f : 1f;
        int before = answered.get();
        approver
            .aliases()
            .put(
                project,
                "scorer",
                "production",
                AliasUpdate.version(version, "flip " + flip),
                null,
                null);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> latest.get() == expected && answered.get() > before + 2);
        // Once the new version answers, the old one never answers again.
        int after = answered.get();
        await().until(() -> answered.get() > after + 5);
        assertThat(latest.get()).isEqualTo(expected);
      }
      running.set(false);
      load.join();

      assertThat(failed.get()).isZero();
      assertThat(seen.keySet()).containsExactlyInAnyOrder(1f, 2f);
      assertThat(answered.get()).isGreaterThan(100);
      assertThat(sidecar.manager().current().generation()).isEqualTo(21);
      // Its report of the last generation, sent with the sidecar-role token of the tokens file,
      // passes the registry's checks against the alias history and counts as on target.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(approver.models().status(project, "scorer", "production").serving())
                      .isEqualTo(new ModelStatus.Serving(1, 1)));
    }
  }
}
