package dev.cairn.registry.db;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Fails fast while the database is known to be down (spec 40-security, finding 11): after a
 * connection failure, callers get {@link DatabaseUnavailableException} at once instead of each
 * waiting out the pool's connection timeout; one caller per probe interval is let through to find
 * out whether it is back, and the first success closes the circuit.
 */
final class DatabaseCircuit {

  private static final long CLOSED = Long.MIN_VALUE;

  private final long probeEveryNanos;
  private final LongSupplier nanoTime;

  /** When the next caller may try the database; {@link #CLOSED} while it is up. */
  private final AtomicLong nextProbe = new AtomicLong(CLOSED);

  DatabaseCircuit(Duration probeEvery, LongSupplier nanoTime) {
    this.probeEveryNanos = probeEvery.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Throws when the database is down and it is not this caller's turn to probe it. */
  void beforeCall() {
    long next = nextProbe.get();
    if (next == CLOSED) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - next < 0 || !nextProbe.compareAndSet(next, now + probeEveryNanos)) {
      throw new DatabaseUnavailableException(
          new IllegalStateException("the database was unreachable moments ago"));
    }
  }

  void succeeded() {
    nextProbe.set(CLOSED);
  }

  void failedToConnect() {
    nextProbe.set(nanoTime.getAsLong() + probeEveryNanos);
  }
}
