package dev.cairn.sidecar.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.runtime.LoadedModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The swap thread's rules, with a hand-written preparer standing in for downloads and loads. */
class ModelManagerTest {

  private final List<Long> prepared = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final ModelManager.Listener listener =
      new ModelManager.Listener() {
        @Override
        public void swapped(ServingSet from, ServingSet to, long nanos) {}

        @Override
        public void failed(TargetSet target, SwapFailure failure) {
          failures.add(failure.code());
        }
      };

  @Test
  void targetsOfferedDuringAPrepareCoalesceIntoTheNewest() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    SetPreparer preparer =
        (target, offline) -> {
          prepared.add(target.generation());
          if (target.generation() == 1) {
            firstStarted.countDown();
            waitFor(releaseFirst);
          }
          return set(target, new Model());
        };
    try (ModelManager manager = new ModelManager(preparer, target(0))) {
      manager.start(listener);
      manager.offer(target(1), false);
      assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
      for (long generation = 2; generation <= 5; generation++) {
        manager.offer(target(generation), false);
      }
      releaseFirst.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> manager.current().generation() == 5);
      assertThat(prepared).containsExactly(1L, 5L);
      manager.offer(target(4), false);
      assertThat(manager.converged()).isTrue();
    }
  }

  @Test
  void aFailedGenerationKeepsTheOldSetAndIsRetriedUntilItLoads() throws Exception {
    AtomicBoolean broken = new AtomicBoolean(true);
    SetPreparer preparer =
        (target, offline) -> {
          prepared.add(target.generation());
          if (target.generation() == 2 && broken.get()) {
            throw new SwapFailure("MODEL_LOAD_FAILED:default", "corrupt", null);
          }
          return set(target, new Model());
        };
    try (ModelManager manager = new ModelManager(preparer, target(0))) {
      manager.start(listener);
      manager.offer(target(1), false);
      await().until(() -> manager.current().generation() == 1);
      manager.offer(target(2), false);
      await().until(() -> failures.size() >= 2);
      assertThat(manager.current().generation()).isEqualTo(1);
      assertThat(manager.lastFailure().code()).isEqualTo("MODEL_LOAD_FAILED:default");
      broken.set(false);
      await().atMost(Duration.ofSeconds(10)).until(() -> manager.current().generation() == 2);
      assertThat(manager.lastFailure()).isNull();
    }
  }

  @Test
  void aReplacedSetClosesOnlyAfterItsLastRequest() throws Exception {
    Model first = new Model();
    SetPreparer preparer =
        (target, offline) -> set(target, target.generation() == 1 ? first : new Model());
    try (ModelManager manager = new ModelManager(preparer, target(0))) {
      manager.start(listener);
      manager.offer(target(1), false);
      await().until(() -> manager.current().generation() == 1);
      ServingSet held = manager.acquire();
      manager.offer(target(2), false);
      await().until(() -> manager.current().generation() == 2);
      assertThat(first.closed).isFalse();
      held.release();
      assertThat(first.closed).isTrue();
    }
  }

  private static TargetSet target(long generation) {
    Map<String, TargetSet.TargetVariant> variants =
        generation == 0
            ? Map.of()
            : Map.of(
                "default",
                new TargetSet.TargetVariant(
                    "default", "v" + generation, "onnx", null, null, null, "sha256:x", List.of()));
    return new TargetSet(generation, List.of("default"), "default", variants);
  }

  private static ServingSet set(TargetSet target, Model model) {
    return new ServingSet(
        target,
        Map.of(
            "default", new ServingSet.Served("v" + target.generation(), "sha256:x", "onnx", model)),
        Instant.now());
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A loaded model that records whether it was closed. */
  private static final class Model implements LoadedModel {
    volatile boolean closed;

    @Override
    public String format() {
      return "onnx";
    }

    @Override
    public String variant() {
      return "default";
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
