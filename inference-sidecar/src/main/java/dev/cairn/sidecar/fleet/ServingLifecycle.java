package dev.cairn.sidecar.fleet;

import dev.cairn.sidecar.serving.ServingState;
import dev.cairn.sidecar.serving.SwapFailure;
import java.util.concurrent.CompletableFuture;

/**
 * One served model's {@link ServingState}, and the requests waiting for it to serve. A request that
 * finds the model not wanted (cold, or unloaded) starts a load; it, and every request that comes
 * while that load is pending, waits on one future. The swap, a resolve naming what already serves,
 * or the failed prepare completes it — the waiters wake at that moment, never by polling. A preload
 * makes no request wait: until it serves, the readiness probe keeps traffic away.
 */
final class ServingLifecycle {

  private static final CompletableFuture<Void> NO_WAIT = CompletableFuture.completedFuture(null);

  /** What a request waits for, and whether it is the one that starts the load. */
  record Wait(CompletableFuture<Void> loading, boolean startsLoad) {}

  private ServingState state = ServingState.COLD;
  private CompletableFuture<Void> pending;

  synchronized ServingState state() {
    return state;
  }

  /** A preload: the model is wanted from now on. */
  synchronized void preloaded() {
    state = state.demanded();
  }

  /**
   * A request: a model not wanted starts loading. The answer holds the future of the load the
   * request waits for, or a completed one when nothing is being loaded for requests.
   */
  synchronized Wait requested() {
    if (!state.wanted()) {
      state = state.demanded();
      pending = new CompletableFuture<>();
      return new Wait(pending, true);
    }
    return new Wait(pending != null ? pending : NO_WAIT, false);
  }

  /**
   * A request waited its whole timeout for {@code loading} (the registry unreachable, say): later
   * requests stop waiting for it and answer at once with what serves, as they do while a preload
   * runs. The load itself goes on, and those still waiting keep their own timeouts.
   */
  synchronized void abandon(CompletableFuture<Void> loading) {
    if (pending == loading) {
      pending = null;
    }
  }

  /** A set serves what the alias names: the waiters go on with it. */
  synchronized void served() {
    state = state.served();
    settle(null);
  }

  /**
   * The newest generation could not be prepared: the waiters learn it now, not at their timeout.
   */
  synchronized void failed(SwapFailure failure) {
    settle(failure);
  }

  /** The loaded set is let go (or the model closes): waiters go on with what serves, nothing. */
  synchronized void unloaded() {
    state = state.unloaded();
    settle(null);
  }

  private void settle(SwapFailure failure) {
    if (pending == null) {
      return;
    }
    if (failure == null) {
      pending.complete(null);
    } else {
      pending.completeExceptionally(failure);
    }
    pending = null;
  }
}
