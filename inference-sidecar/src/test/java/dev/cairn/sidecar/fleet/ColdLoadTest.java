package dev.cairn.sidecar.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnJson;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.LoadedModel;
import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.config.ModelRef;
import dev.cairn.sidecar.follow.RegistryFollower;
import dev.cairn.sidecar.follow.RegistryHealth;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.report.InstanceReporter;
import dev.cairn.sidecar.serving.LastGoodState;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.ServingSet;
import dev.cairn.sidecar.serving.ServingState;
import dev.cairn.sidecar.serving.SetPreparer;
import dev.cairn.sidecar.serving.SwapFailure;
import dev.cairn.sidecar.serving.TargetResolver;
import dev.cairn.sidecar.serving.TargetSet;
import dev.cairn.sidecar.testing.Sidecars;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request for a cold model waits on the load itself (issue 27 item 5): the swap, a resolve naming
 * nothing to load, or the failed prepare completes its future; nothing polls. The model is a real
 * {@link ServedModel} following a real registry; only the prepare (download and load) is a
 * latch-held stand-in, so the test decides when the load ends.
 */
class ColdLoadTest {

  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  private final TestRegistry registry = TestRegistry.shared();
  private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
  private final CountDownLatch preparing = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  @TempDir Path dir;
  private ServedModel model;

  @AfterEach
  void stop() {
    if (model != null) {
      model.close();
    }
    threads.shutdownNow();
  }

  @Test
  void aRequestBeforeTheFirstLoadIsServedByTheSwap() throws Exception {
    model = served(Sidecars.scorerProject(registry, "cold", 1), target -> set(target));

    CompletableFuture<Void> first = model.use();
    assertThat(model.state()).isEqualTo(ServingState.LOADING);
    assertThat(preparing.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> second = model.use();

    assertThat(second).as("a request during the load waits on the same load").isSameAs(first);
    assertThat(first).isNotDone();
    release.countDown();

    assertThat(first).succeedsWithin(PROMPTLY);
    assertThat(model.manager().current().generation()).isEqualTo(1);
    assertThat(model.state()).isEqualTo(ServingState.READY);
    assertThat(model.use()).as("a served model makes no request wait").isDone();
  }

  @Test
  void aRequestGetsTheFailedLoadAtOnce() throws Exception {
    model =
        served(
            Sidecars.scorerProject(registry, "coldfail", 1),
            target -> {
              throw new SwapFailure("MODEL_LOAD_FAILED:default", "corrupt", null);
            });

    CompletableFuture<Void> waiting = model.use();
    assertThat(preparing.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(waiting).isNotDone();
    release.countDown();

    assertThat(waiting)
        .failsWithin(PROMPTLY)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(SwapFailure.class);
    assertThat(model.lastError()).isEqualTo("MODEL_LOAD_FAILED:default");
    assertThat(model.state()).isEqualTo(ServingState.LOADING);
    assertThat(model.loaded()).isFalse();
  }

  @Test
  void aRequestForAModelWithoutAliasGoesOnOnceTheRegistryAnswers() throws Exception {
    model =
        served(
            Sidecars.projectWithModel(registry, "coldnone", "scorer"),
            target -> {
              throw new AssertionError("nothing to prepare for an alias that points nowhere");
            });

    assertThat(model.use()).succeedsWithin(PROMPTLY);
    assertThat(preparing.getCount()).isEqualTo(1);
    assertThat(model.state()).isEqualTo(ServingState.READY);
    assertThat(model.loaded()).isFalse();
  }

  /** What the stand-in prepare does once released. */
  private interface Prepare {
    ServingSet of(TargetSet target) throws SwapFailure;
  }

  private ServedModel served(String project, Prepare prepare) throws Exception {
    SetPreparer held =
        (target, offline) -> {
          preparing.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return prepare.of(target);
        };
    ModelRef ref = new ModelRef(project, "scorer", "production");
    var client = registry.client(TestTokens.SIDECAR);
    RegistryHealth health = new RegistryHealth(registry.uri());
    ServedModel.Parts parts =
        new ServedModel.Parts(
            new ModelManager(held, TargetSet.none(List.of(), null)),
            new RegistryFollower(
                new TargetResolver(client, ref), health, Duration.ofMinutes(5), threads),
            new InstanceReporter(client, ref, "cold-test", Duration.ofMinutes(5), health, threads),
            new LastGoodState(dir, CairnJson.lenientMapper()));
    SwapEffects effects =
        new SwapEffects(
            List::of,
            new LoadBounds(10, Long.MAX_VALUE),
            new SidecarMetrics(() -> 0),
            new ArtifactCache(dir.resolve("cache"), Long.MAX_VALUE));
    ServedModel m =
        new ServedModel(
            "scorer", Map.of(), parts, effects, new FleetHealth(health, () -> null, List::of));
    m.start(Duration.ofMinutes(5));
    return m;
  }

  private static ServingSet set(TargetSet target) {
    Map<String, ServingSet.Served> variants = new HashMap<>();
    target
        .variants()
        .forEach(
            (name, v) ->
                variants.put(
                    name,
                    new ServingSet.Served(v.version(), v.digest(), v.format(), new Stub(name))));
    return new ServingSet(target, variants, Instant.now());
  }

  /** A loaded model with nothing to free. */
  private record Stub(String variant) implements LoadedModel {
    @Override
    public String format() {
      return "onnx";
    }

    @Override
    public void close() {}
  }
}
