package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.chart.testing.JarProcess;
import dev.cairn.chart.testing.MockCluster;
import dev.cairn.chart.testing.Repo;
import dev.cairn.chart.testing.WalkThrough;
import dev.cairn.client.process.UnknownVariables;
import dev.cairn.registry.testing.S3ProxyServer;
import dev.cairn.registry.testing.SourceServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract between the chart and the processes (spec 70-deployment, How the chart is tested):
 * the environment the chart renders for the registry and the operator, and the one the
 * walk-through's inference Deployment gives the sidecar, start the real jars, which become ready
 * and do their job — the registry on the external PostgreSQL and S3 named by the Secrets, the
 * operator on a kubeconfig (the mock API server) activating the walk-through's ModelActivation, the
 * sidecar serving it. Only service host names and listen ports are pointed at loopback. Any {@code
 * CAIRN_*} variable a process does not know fails the test, so a name changed on either side fails
 * it.
 */
class ChartContractIT {

  private static EmbeddedPostgres postgres;
  private static S3ProxyServer s3;
  private static SourceServer artifacts;
  private static final List<JarProcess> processes = new ArrayList<>();

  @TempDir static Path work;

  @BeforeAll
  static void startDependencies() throws Exception {
    postgres = EmbeddedPostgres.builder().setPort(JarProcess.freePort()).start();
    s3 = S3ProxyServer.start();
    s3.createBucket("cairn");
    artifacts = SourceServer.serving(Repo.resolve("examples/artifacts"));
  }

  @AfterAll
  static void stopEverything() throws Exception {
    for (JarProcess process : processes.reversed()) {
      process.close();
    }
    artifacts.close();
    s3.close();
    postgres.close();
  }

  @Test
  void renderedEnvironmentStartsRegistryOperatorAndSidecar() throws Exception {
    ContractCluster cluster = ContractCluster.render(work, s3.endpoint(), postgres.getPort());

    // Registry: external database and S3 exactly as the Secrets and ConfigMap say.
    int registryPort = JarProcess.freePort();
    Map<String, String> registryEnv = cluster.environment("registry");
    registryEnv.put("CAIRN_PORT", Integer.toString(registryPort));
    // The in-cluster artifact server of the walk-through is served on loopback here.
    registryEnv.put("CAIRN_REFERENCE_ALLOW_CIDRS", "127.0.0.0/8");
    JarProcess registry =
        start("registry-server/target/cairn-registry.jar", registryEnv, "registry");
    URI registryUri = URI.create("http://127.0.0.1:" + registryPort);
    awaitReady(registry, registryUri.resolve("/health/ready"));
    assertThat(JarProcess.body(registryUri.resolve("/")))
        .contains("\"database\":\"external\"")
        .contains("\"blob_store\":\"s3\"")
        .contains("\"environment\":\"production\"")
        .contains("\"auth\":true");
    // The chart's admin token (NOTES), accepted beside the walk-through's tokens file.
    String adminToken = cluster.adminToken();
    assertThat(createProject(registryUri, adminToken, "people"))
        .as("the chart's admin token creates a project")
        .isEqualTo(201);
    assertThat(createProject(registryUri, "not-a-token", "nobody")).isEqualTo(401);

    // Operator: from a kubeconfig (as on a laptop), the rendered Lease Role granted.
    MockCluster mock = MockCluster.shared().withCairnCrds();
    mock.grantingRules(cluster.chart().all(Role.class).getFirst().getRules());
    int operatorPort = JarProcess.freePort();
    Map<String, String> operatorEnv = cluster.environment("operator");
    operatorEnv.replaceAll((k, v) -> v.replace(ContractCluster.SERVICE, registryUri.toString()));
    operatorEnv.put("CAIRN_OPERATOR_PORT", Integer.toString(operatorPort));
    operatorEnv.put("KUBECONFIG", mock.kubeconfig().toString());
    JarProcess operator = start("operator/target/cairn-operator.jar", operatorEnv, "operator");
    awaitReady(operator, URI.create("http://127.0.0.1:" + operatorPort + "/readyz"));

    KubernetesClient kube = mock.client();
    for (HasMetadata resource :
        ContractCluster.walkThrough(
            artifacts.base(), "20-modelversions.yaml", "30-modelactivation.yaml")) {
      mock.apply(resource);
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> assertThat(activationPhase(kube)).as(operator::output).isEqualTo("Active"));

    // Sidecar: the walk-through Deployment's container, its token Secret from prepare.sh.
    int sidecarPort = JarProcess.freePort();
    Map<String, String> sidecarEnv = cluster.sidecarEnvironment();
    sidecarEnv.replaceAll((k, v) -> v.replace(ContractCluster.SERVICE, registryUri.toString()));
    sidecarEnv.put("CAIRN_SIDECAR_PORT", Integer.toString(sidecarPort));
    JarProcess sidecar = start("inference-sidecar/target/cairn-sidecar.jar", sidecarEnv, "sidecar");
    awaitReady(sidecar, URI.create("http://127.0.0.1:" + sidecarPort + "/v2/health/ready"));
    assertThat(JarProcess.body(URI.create("http://127.0.0.1:" + sidecarPort + "/status")))
        .contains("v1-low")
        .contains("v1-mid")
        .contains("v1-high");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(WalkThrough.activationStatus(kube, "serving"))
                    .asString()
                    .contains("ready=1/1"));

    // Every process's /metrics: the Prometheus client's text format, with the metric names of
    // before the library (dashboards keep working).
    assertThat(JarProcess.body(registryUri.resolve("/metrics")))
        .contains("# TYPE cairn_http_requests_total counter")
        .contains("cairn_http_request_duration_seconds_bucket{");
    assertThat(JarProcess.body(URI.create("http://127.0.0.1:" + operatorPort + "/metrics")))
        .contains("cairn_operator_reconciles_total{kind=\"ModelActivation\"}")
        .contains("cairn_operator_activation_to_active_seconds_count 1");
    assertThat(JarProcess.body(URI.create("http://127.0.0.1:" + sidecarPort + "/metrics")))
        .contains("cairn_sidecar_swaps_total 1")
        .contains("# TYPE cairn_sidecar_cache_bytes gauge");

    for (JarProcess process : List.of(registry, operator, sidecar)) {
      assertThat(process.output()).doesNotContain(UnknownVariables.WARNING);
    }
  }

  private static int createProject(URI registry, String token, String name) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(registry.resolve("/api/v1/projects"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  private static JarProcess start(String jar, Map<String, String> env, String name) {
    JarProcess process = JarProcess.start(Repo.jar(jar), env, work.resolve(name + ".log"));
    processes.add(process);
    return process;
  }

  private static void awaitReady(JarProcess process, URI probe) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .failFast(() -> assertThat(process.alive()).as(process::output).isTrue())
        .untilAsserted(
            () -> assertThat(JarProcess.status(probe)).as(process::output).isEqualTo(200));
  }

  private static String activationPhase(KubernetesClient kube) {
    return String.valueOf(WalkThrough.activationStatus(kube, "phase"));
  }
}
