package dev.cairn.sidecar.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The process-wide budget of image bytes in memory ({@code CAIRN_MAX_DECODING_BYTES}): every
 * request reserves the encoded bytes it holds and the decoded size of the one image it is
 * inspecting, from the header, before the pixels are decoded. A reservation waits a few seconds for
 * others to finish, then the request is told 503 {@code BUSY} with {@code Retry-After}; what one
 * request alone could never fit is 413. Decoding therefore never asks the heap for more than it was
 * given, instead of finding out by {@code OutOfMemoryError}.
 */
final class DecodeBudget {

  /** How long a request waits for memory before it is told to come back. */
  static final Duration WAIT = Duration.ofSeconds(5);

  static final int RETRY_AFTER_SECONDS = 2;

  // Permits are KiB so that an int holds any heap.
  private final Semaphore kib;
  private final int capacity;
  private final long bytes;
  private final Duration wait;

  DecodeBudget(long bytes, Duration wait) {
    this.bytes = bytes;
    this.wait = wait;
    this.capacity = (int) Math.min(Integer.MAX_VALUE, kib(bytes));
    // Fair, so a large image is not starved by a stream of small ones.
    this.kib = new Semaphore(capacity, true);
  }

  long bytes() {
    return bytes;
  }

  /** A request's share of the budget; closing it gives back whatever it still holds. */
  Account account() {
    return new Account();
  }

  private static long kib(long bytes) {
    return (bytes + 1023) / 1024;
  }

  /** What one request holds of the budget. */
  final class Account implements AutoCloseable {

    private long held;

    /** Reserves {@code amount} bytes for {@code what}, waiting at most the budget's wait. */
    void reserve(long amount, String what) {
      long wanted = kib(amount);
      if (held + wanted > capacity) {
        throw new Problem(
            413,
            "IMAGES_TOO_LARGE_FOR_MEMORY",
            what
                + " with the request's other images needs "
                + (wanted + held) * 1024
                + " bytes of memory; this sidecar holds at most "
                + bytes
                + " bytes of images at once (CAIRN_MAX_DECODING_BYTES)");
      }
      try {
        if (!kib.tryAcquire((int) wanted, wait.toMillis(), TimeUnit.MILLISECONDS)) {
          throw Problem.unavailable(
              "BUSY",
              "other requests hold the memory for images ("
                  + bytes
                  + " bytes, CAIRN_MAX_DECODING_BYTES); "
                  + what
                  + " waited "
                  + wait.toMillis()
                  + " ms",
              RETRY_AFTER_SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Problem.unavailable("BUSY", "interrupted while waiting for memory", 1);
      }
      held += wanted;
    }

    /** Gives back {@code amount} bytes reserved earlier. */
    void release(long amount) {
      shrink(amount, 0);
    }

    /** Keeps {@code to} of the {@code from} bytes reserved earlier and gives back the rest. */
    void shrink(long from, long to) {
      long giving = Math.min(held, kib(from) - kib(to));
      held -= giving;
      kib.release((int) giving);
    }

    @Override
    public void close() {
      kib.release((int) held);
      held = 0;
    }
  }
}
