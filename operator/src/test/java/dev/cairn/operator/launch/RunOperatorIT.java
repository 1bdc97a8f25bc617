package dev.cairn.operator.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run-operator}, as the README says to start the operator: it finds a JDK 21 without
 * {@code JAVA_HOME}, runs the jar from a copy of its own, and takes the quick-start registry's
 * admin token when no token is set. Here the cluster of its kubeconfig is unreachable, so the
 * operator ends with its one start-failure line, which shows the jar ran.
 */
class RunOperatorIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void runsTheJarFromItsOwnCopyWithTheQuickStartToken() throws Exception {
    Path work = Files.createDirectories(Path.of("target", "run-operator-it").toAbsolutePath());
    Path data = Files.createDirectories(work.resolve("cairn-data"));
    Files.writeString(data.resolve("admin-token"), "quick-start-admin-token\n");
    int closed;
    try (ServerSocket probe = new ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    Path kubeconfig =
        Files.writeString(
            work.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            current-context: x
            """
                .formatted(closed));
    Path log = work.resolve("run-operator.log");
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("run-operator").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CAIRN_") || k.equals("JAVA_HOME"));
    builder.environment().put("CAIRN_DATA_DIR", data.toString());
    builder.environment().put("CAIRN_OPERATOR_PORT", "0");
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
    Process process = builder.start();

    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(ended).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output)
        .as(output)
        .contains(
            "run-operator: using the registry's admin token (" + data.resolve("admin-token") + ")")
        .contains(
            "cairn-operator: cannot start: Kubernetes API at https://127.0.0.1:"
                + closed
                + " unreachable (connection refused)")
        .doesNotContain("CAIRN_DATA_DIR");
    try (Stream<Path> copies = Files.list(work.resolve("cache/cairn/run-operator"))) {
      assertThat(copies.map(copy -> copy.resolve("cairn-operator.jar")))
          .as("the jar runs from a copy no build rewrites")
          .anyMatch(Files::isRegularFile);
    }
  }
}
