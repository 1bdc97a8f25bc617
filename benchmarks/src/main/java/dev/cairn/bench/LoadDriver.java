package dev.cairn.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load: {@code connections} clients each send their next request as soon as the
 * previous answer arrives, for a fixed time; latencies of every request are kept.
 */
final class LoadDriver {

  /** What a run measured. Latencies in milliseconds. */
  record Load(long requests, long failures, double perSecond, double p50Ms, double p99Ms) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Load run(int connections, Duration duration, IntFunction<HttpRequest> request) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    List<Future<long[]>> workers = new ArrayList<>();
    long[] failures = new long[connections];
    try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
      for (int c = 0; c < connections; c++) {
        int worker = c;
        workers.add(
            pool.submit(
                () -> {
                  long[] latencies = new long[1024];
                  int n = 0;
                  int i = 0;
                  while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> res =
                        http.send(
                            request.apply(worker * 1_000_000 + i++),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - start;
                    if (res.statusCode() >= 400) {
                      failures[worker]++;
                    }
                    if (n == latencies.length) {
                      latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                  }
                  return Arrays.copyOf(latencies, n);
                }));
      }
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> w : workers) {
      all.add(w.get());
    }
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    long failed = Arrays.stream(failures).sum();
    return new Load(
        merged.length,
        failed,
        merged.length / (duration.toNanos() / 1e9),
        percentile(merged, 0.50),
        percentile(merged, 0.99));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
