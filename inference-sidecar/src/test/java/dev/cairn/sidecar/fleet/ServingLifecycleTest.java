package dev.cairn.sidecar.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sidecar.serving.ServingState;
import dev.cairn.sidecar.serving.SwapFailure;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Who waits for a served model's load, and what ends the wait, without threads or a registry. */
class ServingLifecycleTest {

  private final ServingLifecycle lifecycle = new ServingLifecycle();

  @Test
  void theFirstRequestStartsTheLoadAndLaterOnesWaitForTheSameOne() {
    ServingLifecycle.Wait first = lifecycle.requested();
    ServingLifecycle.Wait second = lifecycle.requested();

    assertThat(first.startsLoad()).isTrue();
    assertThat(second.startsLoad()).isFalse();
    assertThat(second.loading()).isSameAs(first.loading()).isNotDone();
    assertThat(lifecycle.state()).isEqualTo(ServingState.LOADING);

    lifecycle.served();

    assertThat(first.loading()).isCompleted();
    assertThat(lifecycle.state()).isEqualTo(ServingState.READY);
    assertThat(lifecycle.requested().loading()).isDone();
  }

  @Test
  void aFailedLoadEndsTheWaitWithItsFailureAndLaterRequestsDoNotWait() {
    CompletableFuture<Void> loading = lifecycle.requested().loading();
    SwapFailure failure = new SwapFailure("MODEL_LOAD_FAILED:default", "corrupt", null);

    lifecycle.failed(failure);

    assertThat(loading).isCompletedExceptionally();
    assertThat(lifecycle.state()).isEqualTo(ServingState.LOADING);
    assertThat(lifecycle.requested().loading()).as("nothing pending any more").isDone();
  }

  @Test
  void aPreloadMakesNoRequestWait() {
    lifecycle.preloaded();

    assertThat(lifecycle.state()).isEqualTo(ServingState.LOADING);
    assertThat(lifecycle.requested().loading()).isDone();
  }

  @Test
  void anAbandonedLoadIsNotWaitedForAgainButStillServes() {
    CompletableFuture<Void> loading = lifecycle.requested().loading();

    lifecycle.abandon(loading);

    assertThat(lifecycle.requested().loading()).isDone();
    assertThat(loading).as("a request still waiting keeps its own timeout").isNotDone();
    lifecycle.served();
    assertThat(lifecycle.state()).isEqualTo(ServingState.READY);
  }

  @Test
  void anUnloadReleasesTheWaitersAndTheNextRequestLoadsAgain() {
    CompletableFuture<Void> loading = lifecycle.requested().loading();
    lifecycle.served();
    lifecycle.unloaded();

    assertThat(loading).isCompleted();
    assertThat(lifecycle.state()).isEqualTo(ServingState.UNLOADED);
    ServingLifecycle.Wait again = lifecycle.requested();
    assertThat(again.startsLoad()).isTrue();
    assertThat(lifecycle.state()).isEqualTo(ServingState.LOADING);
  }
}
