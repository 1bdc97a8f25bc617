package dev.cairn.sidecar.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/** A Prometheus histogram with fixed bucket bounds (seconds), safe for concurrent observers. */
final class Histogram {

  private final double[] bounds;
  private final AtomicLongArray counts;
  private final AtomicLong total = new AtomicLong();
  private final DoubleAdder sum = new DoubleAdder();

  Histogram(double... bounds) {
    this.bounds = bounds;
    this.counts = new AtomicLongArray(bounds.length);
  }

  void observe(double seconds) {
    for (int i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]) {
        counts.incrementAndGet(i);
      }
    }
    total.incrementAndGet();
    sum.add(seconds);
  }

  void write(StringBuilder out, String name, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" histogram\n");
    for (int i = 0; i < bounds.length; i++) {
      out.append(name).append("_bucket{le=\"").append(bounds[i]).append("\"} ");
      out.append(counts.get(i)).append('\n');
    }
    out.append(name).append("_bucket{le=\"+Inf\"} ").append(total.get()).append('\n');
    out.append(name).append("_sum ").append(sum.sum()).append('\n');
    out.append(name).append("_count ").append(total.get()).append('\n');
  }
}
