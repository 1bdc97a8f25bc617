package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.PodEnvironment;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import dev.cairn.chart.testing.WalkThrough;
import dev.cairn.registry.testing.S3ProxyServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What {@link ChartContractIT}'s cluster holds — the chart rendered with the contract values, the
 * Secrets the walk-through's {@code prepare.sh} writes, and the database and S3 Secrets an operator
 * of the cluster would create — and the environment each pod's container gets from them, resolved
 * as the kubelet would. Only the service host names are left for the test to point at loopback.
 */
final class ContractCluster {

  /** The registry's in-cluster address, as the operator and the sidecar are given it. */
  static final String SERVICE = "http://cairn-registry.cairn-system.svc:8080";

  private static final String ARTIFACTS = "http://ink-artifacts.inference.svc:8080/";

  private final Path work;
  private final Rendered chart;
  private final List<HasMetadata> walkThroughSecrets;
  private final List<HasMetadata> objects = new ArrayList<>();

  private ContractCluster(Path work, Rendered chart, List<HasMetadata> walkThroughSecrets) {
    this.work = work;
    this.chart = chart;
    this.walkThroughSecrets = walkThroughSecrets;
    objects.addAll(chart.objects());
    objects.addAll(walkThroughSecrets);
  }

  /**
   * The chart rendered against the test's S3 endpoint (the operator resyncing every 3 s so the test
   * does not wait for the default), with the walk-through's and the external services' Secrets
   * beside it.
   */
  static ContractCluster render(Path work, String s3Endpoint, int postgresPort) throws Exception {
    Rendered chart =
        Chart.withValues(Repo.root().resolve("charts/src/test/resources/contract-values.yaml"))
            .set("blobStore.s3.endpoint", s3Endpoint)
            .set("operator.resyncSeconds", 3)
            .render();
    List<HasMetadata> secrets = WalkThrough.prepare(work.resolve("generated"));
    assertThat(secrets.stream().filter(Secret.class::isInstance)).hasSize(3);
    ContractCluster cluster = new ContractCluster(work, chart, secrets);
    cluster.objects.add(databaseSecret(postgresPort));
    cluster.objects.add(s3Secret());
    return cluster;
  }

  Rendered chart() {
    return chart;
  }

  /** The environment of the first container of the chart's Deployment {@code part}. */
  Map<String, String> environment(String part) throws Exception {
    PodSpec pod = chart.deployment(part).getSpec().getTemplate().getSpec();
    return new PodEnvironment(objects, Chart.NAMESPACE, Chart.FULLNAME + "-" + part + "-0")
        .resolve(pod, pod.getContainers().getFirst(), Files.createDirectories(work.resolve(part)));
  }

  /**
   * The walk-through inference Deployment's sidecar container, its token Secret from prepare.sh.
   */
  Map<String, String> sidecarEnvironment() throws Exception {
    Deployment inference =
        Rendered.parse(Files.readString(Repo.resolve("examples/k8s/40-inference.yaml")))
            .get(Deployment.class, "ink-inspection");
    PodSpec pod = inference.getSpec().getTemplate().getSpec();
    return new PodEnvironment(walkThroughSecrets, "inference", "ink-inspection-0")
        .resolve(
            pod,
            WalkThrough.container(pod, "cairn-sidecar"),
            Files.createDirectories(work.resolve("sidecar-mounts")));
  }

  /**
   * The human admin token NOTES tells users to read ({@code kubectl get secret ... | base64 -d}):
   * the chart's Secret.
   */
  String adminToken() {
    String encoded =
        chart.get(Secret.class, Chart.FULLNAME + "-admin-token").getData().get("token");
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  /** The walk-through's manifests {@code files}, their artifact server moved to {@code base}. */
  static List<HasMetadata> walkThrough(URI base, String... files) throws Exception {
    List<HasMetadata> objects = new ArrayList<>();
    for (String file : files) {
      String text = Files.readString(Repo.resolve("examples/k8s/" + file));
      objects.addAll(Rendered.parse(text.replace(ARTIFACTS, base.toString())).objects());
    }
    return objects;
  }

  /** A CloudNativePG-style application Secret for the test PostgreSQL. */
  private static Secret databaseSecret(int port) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName("cairn-db-app")
        .withNamespace(Chart.NAMESPACE)
        .endMetadata()
        .addToStringData("host", "127.0.0.1")
        .addToStringData("port", Integer.toString(port))
        .addToStringData("dbname", "postgres")
        .addToStringData("username", "postgres")
        .addToStringData("password", "unused-trust-auth")
        .build();
  }

  private static Secret s3Secret() {
    return new SecretBuilder()
        .withNewMetadata()
        .withName("cairn-s3")
        .withNamespace(Chart.NAMESPACE)
        .endMetadata()
        .addToStringData("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY)
        .addToStringData("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY)
        .build();
  }
}
