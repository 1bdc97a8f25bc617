package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.JarProcess;
import dev.cairn.chart.testing.Repo;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A process that cannot start ends within 30 s with exit code 1 and says why in one line, so a
 * crash-looping pod explains itself in {@code kubectl logs} (spec 70-deployment).
 */
class ProcessStartupIT {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  /** name, jar, port variable, the environment it needs besides the port. */
  static Stream<Arguments> processes() {
    return Stream.of(
        Arguments.of(
            "cairn-registry",
            "registry-server/target/cairn-registry.jar",
            "CAIRN_PORT",
            Map.of(
                "CAIRN_BOOTSTRAP_ADMIN_TOKEN", "startup-test-token",
                "CAIRN_DATA_DIR", "${work}/data")),
        Arguments.of(
            "cairn-operator",
            "operator/target/cairn-operator.jar",
            "CAIRN_OPERATOR_PORT",
            Map.of(
                "CAIRN_REGISTRY_URL", "http://127.0.0.1:9",
                "CAIRN_REGISTRY_TOKEN", "startup-test-token",
                "CAIRN_LEADER_ELECTION", "false")),
        Arguments.of(
            "cairn-sidecar",
            "inference-sidecar/target/cairn-sidecar.jar",
            "CAIRN_SIDECAR_PORT",
            Map.of(
                "CAIRN_REGISTRY_URL", "http://127.0.0.1:9",
                "CAIRN_REGISTRY_TOKEN", "startup-test-token",
                "CAIRN_PROJECT", "startup",
                "CAIRN_MODEL", "none",
                "CAIRN_CACHE_DIR", "${work}/cache")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void endsWithOneLineWhenItsPortIsTaken(
      String name, String jar, String portVariable, Map<String, String> env, @TempDir Path work)
      throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("0.0.0.0", 0));
      String port = Integer.toString(taken.getLocalPort());

      String line = failedStart(name, jar, with(env, work, portVariable, port), work);

      assertThat(line).contains(port).containsAnyOf("in use", "already in use");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void endsWithOneLineNamingABadValue(
      String name, String jar, String portVariable, Map<String, String> env, @TempDir Path work)
      throws Exception {
    String line = failedStart(name, jar, with(env, work, portVariable, "eighty"), work);

    assertThat(line).contains(portVariable);
    assertThat(line).contains("eighty");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes") // all three verify keyless signatures (issue 28)
  void endsWithOneLineNamingASigstoreTrustedRootThatIsNotOne(
      String name, String jar, String portVariable, Map<String, String> env, @TempDir Path work)
      throws Exception {
    Path root = Files.createDirectories(work).resolve("trusted_root.json");
    Files.writeString(root, "{\"mediaType\": \"not a root\"}");
    Map<String, String> all = with(env, work, portVariable, "0");
    all.put("CAIRN_SIGSTORE_TRUSTED_ROOT", root.toString());
    all.put("CAIRN_REQUIRE_SIGNATURE", "true"); // the sidecar reads the root only then

    String line = failedStart(name, jar, all, work);

    assertThat(line).contains("CAIRN_SIGSTORE_TRUSTED_ROOT: " + root);
  }

  @Test
  void theOperatorSaysInOneLineWithinTenSecondsThatTheKubernetesApiIsUnreachable(@TempDir Path work)
      throws Exception {
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
    Map<String, String> env = new HashMap<>(OPERATOR_ENV);
    env.put("CAIRN_OPERATOR_PORT", "0");
    env.put("KUBECONFIG", kubeconfig.toString());
    long started = System.nanoTime();

    String line = failedStart("cairn-operator", OPERATOR_JAR, env, work);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(line)
        .isEqualTo(
            "cairn-operator: cannot start: Kubernetes API at https://127.0.0.1:"
                + closed
                + " unreachable (connection refused)");
  }

  @Test
  void theOperatorOutsideAClusterPrintsItsReasonWithoutPagesOfLogFirst(@TempDir Path work)
      throws Exception {
    Map<String, String> env = new HashMap<>(OPERATOR_ENV);
    env.put("CAIRN_OPERATOR_PORT", "0");
    env.put("KUBECONFIG", work.resolve("no-such-kubeconfig").toString());
    env.put("HOME", work.toString());

    try (JarProcess process =
        JarProcess.start(Repo.jar(OPERATOR_JAR), env, work.resolve("out.log"))) {
      assertThat(process.exitCode(Duration.ofSeconds(10))).isEqualTo(1);
      String output = process.output();
      assertThat(output.lines().count()).as(output).isLessThanOrEqualTo(4);
      assertThat(output)
          .as(output)
          .contains(
              "cairn-operator: cannot start: Kubernetes API at https://kubernetes.default.svc")
          .doesNotContain("httpclient factories")
          .doesNotContain("\tat ");
    }
  }

  private static final String OPERATOR_JAR = "operator/target/cairn-operator.jar";
  private static final Map<String, String> OPERATOR_ENV =
      Map.of(
          "CAIRN_REGISTRY_URL", "http://127.0.0.1:9",
          "CAIRN_REGISTRY_TOKEN", "startup-test-token",
          "CAIRN_LEADER_ELECTION", "false");

  private static Map<String, String> with(
      Map<String, String> env, Path work, String portVariable, String port) {
    Map<String, String> all = new HashMap<>(env);
    all.replaceAll((k, v) -> v.replace("${work}", work.toString()));
    all.put(portVariable, port);
    return all;
  }

  /** Starts the jar, expects exit 1 within the limit; returns its one "cannot start" line. */
  private static String failedStart(String name, String jar, Map<String, String> env, Path work)
      throws Exception {
    Files.createDirectories(work);
    try (JarProcess process = JarProcess.start(Repo.jar(jar), env, work.resolve("out.log"))) {
      int exit = process.exitCode(LIMIT);
      String output = process.output();
      assertThat(exit).as(output).isEqualTo(1);
      List<String> reasons =
          output.lines().filter(l -> l.startsWith(name + ": cannot start: ")).toList();
      assertThat(reasons).as(output).hasSize(1);
      assertThat(output)
          .as("no stack trace")
          .doesNotContain("\tat ")
          .doesNotContain("Exception in");
      return reasons.getFirst();
    }
  }
}
