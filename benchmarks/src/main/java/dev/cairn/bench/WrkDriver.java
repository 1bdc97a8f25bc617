package dev.cairn.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from {@code wrk} (Debian package {@code wrk}) in its own process: a C load generator that
 * costs the two cores far less than the JDK HttpClient in the registry's JVM.
 */
final class WrkDriver {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");

  /** Requests per second, non-2xx answers and the 99th latency percentile of one run. */
  record Run(double perSecond, long failures, double p99Ms) {}

  private WrkDriver() {}

  static Run run(URI base, Path script, int connections, Duration duration, String... scriptArgs)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t2",
                "-c" + connections,
                "--latency",
                "-d" + duration.toSeconds() + "s",
                "-s",
                script.toString(),
                base.toString(),
                "--"));
    command.addAll(List.of(scriptArgs));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    Matcher rate = RATE.matcher(output);
    if (!rate.find()) {
      throw new IllegalStateException("no rate in wrk output: " + output);
    }
    Matcher failed = NON_2XX.matcher(output);
    Matcher p99 = P99.matcher(output);
    return new Run(
        Double.parseDouble(rate.group(1)),
        failed.find() ? Long.parseLong(failed.group(1)) : 0,
        p99.find() ? millis(Double.parseDouble(p99.group(1)), p99.group(2)) : Double.NaN);
  }

  private static double millis(double value, String unit) {
    return switch (unit) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
