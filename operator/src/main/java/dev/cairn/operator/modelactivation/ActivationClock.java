package dev.cairn.operator.modelactivation;

import dev.cairn.operator.metrics.OperatorMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures, per ModelActivation generation, the time from the operator first seeing the change to
 * {@code Active} and to {@code Serving}, each observed once into {@link OperatorMetrics}.
 */
final class ActivationClock {

  private record Run(long generation, long startNanos, boolean active, boolean serving) {}

  private final OperatorMetrics metrics;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  ActivationClock(OperatorMetrics metrics) {
    this.metrics = metrics;
  }

  void seen(String uid, long generation) {
    runs.compute(
        uid,
        (k, run) ->
            run != null && run.generation() == generation
                ? run
                : new Run(generation, System.nanoTime(), false, false));
  }

  void active(String uid) {
    runs.computeIfPresent(
        uid,
        (k, run) -> {
          if (!run.active()) {
            metrics.timeToActive(Duration.ofNanos(System.nanoTime() - run.startNanos()));
          }
          return new Run(run.generation(), run.startNanos(), true, run.serving());
        });
  }

  void serving(String uid) {
    runs.computeIfPresent(
        uid,
        (k, run) -> {
          if (!run.serving()) {
            metrics.timeToServing(Duration.ofNanos(System.nanoTime() - run.startNanos()));
          }
          return new Run(run.generation(), run.startNanos(), run.active(), true);
        });
  }

  void forget(String uid) {
    runs.remove(uid);
  }
}
