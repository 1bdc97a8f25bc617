package dev.cairn.bench;

import dev.cairn.registry.db.DataSourceSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code pgbench} (Debian package {@code postgresql-client}) with a script on the registry's
 * own database: the reference a database-bound benchmark is held to.
 */
final class PgbenchReference {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial");

  private PgbenchReference() {}

  /** Transactions per second of {@code script} from {@code clients} connections. */
  static double tps(DataSourceSpec db, Path script, int clients, Duration duration)
      throws IOException, InterruptedException {
    URI uri = URI.create(db.url().substring("jdbc:".length()));
    String database = uri.getPath().substring(1);
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "pgbench",
                    "-n",
                    "-M",
                    "prepared",
                    "-c",
                    Integer.toString(clients),
                    "-j",
                    "2",
                    "-T",
                    Long.toString(duration.toSeconds()),
                    "-f",
                    script.toString(),
                    "-h",
                    uri.getHost(),
                    "-p",
                    Integer.toString(uri.getPort()),
                    "-U",
                    db.user(),
                    database))
            .redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", db.password());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed: " + output);
    }
    Matcher tps = TPS.matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("no tps in pgbench output: " + output);
    }
    return Double.parseDouble(tps.group(1));
  }

  /** {@code benchmarks/pgbench/<name>}, from the repository root or the benchmarks folder. */
  static Path script(String name) {
    for (Path candidate :
        List.of(Path.of("benchmarks", "pgbench", name), Path.of("pgbench", name))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "benchmarks/pgbench/" + name + " not found; run from the repository root");
  }
}
