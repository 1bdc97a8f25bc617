package dev.cairn.registry.artifact;

import dev.cairn.registry.domain.ApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs blocking file-system calls (stat, open) of file roots on a few daemon platform threads with
 * a deadline. A virtual thread in a native {@code open} of a FIFO or of a stalled NFS/CSI mount
 * pins its carrier and the scheduler does not compensate: two such calls stopped {@code
 * /health/live} on two cores. Here the caller's virtual thread only parks on a future; a call past
 * the deadline is abandoned to its thread (what it opens later is closed), and with every thread
 * stuck the next call is refused at once, so a stalled mount holds at most {@code threads} threads.
 */
final class BlockingFileCalls {

  private static final Logger LOG = Logger.getLogger(BlockingFileCalls.class.getName());

  /** A blocking call. */
  @FunctionalInterface
  interface IoCall<T> {
    T call() throws IOException;
  }

  /** Releases what an abandoned call produced once it returns (closes an opened channel). */
  @FunctionalInterface
  interface Discard<T> {
    void discard(T value) throws IOException;
  }

  private final ThreadPoolExecutor pool;
  private final Duration deadline;

  BlockingFileCalls(int threads, Duration deadline) {
    // No queue: a call runs on an idle thread or is refused, never waits behind a stuck one.
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            Thread.ofPlatform().daemon().name("cairn-file-roots-", 0).factory());
    this.pool.allowCoreThreadTimeOut(true);
    this.deadline = deadline;
  }

  /** {@code call}'s result, or 503 {@code FILE_ROOT_UNAVAILABLE} past the deadline or when full. */
  <T> T call(String named, IoCall<T> call, Discard<T> discard) throws IOException {
    CompletableFuture<T> result;
    try {
      result = CompletableFuture.supplyAsync(() -> unchecked(call), pool);
    } catch (RejectedExecutionException e) {
      LOG.warning("file root call for " + named + " refused: every file-root thread is busy");
      throw unavailable(named, "the file roots are busy (every file-root thread is waiting)");
    }
    try {
      return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abandon(result, discard);
      LOG.warning("file root call for " + named + " abandoned after " + deadline);
      throw unavailable(
          named, "the file root did not answer within " + deadline.toSeconds() + " s");
    } catch (InterruptedException e) {
      abandon(result, discard);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while opening " + named);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    }
  }

  private static <T> T unchecked(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> void abandon(CompletableFuture<T> result, Discard<T> discard) {
    result.thenAccept(
        value -> {
          try {
            discard.discard(value);
          } catch (IOException e) {
            LOG.log(Level.FINE, "closing an abandoned file-root call", e);
          }
        });
  }

  private static IOException rethrown(Throwable cause) {
    if (cause instanceof UncheckedIOException io) {
      return io.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }

  private static ApiException unavailable(String named, String why) {
    return new ApiException(
            503, "FILE_ROOT_UNAVAILABLE", "'" + named + "' could not be opened: " + why)
        .header("Retry-After", "30");
  }
}
