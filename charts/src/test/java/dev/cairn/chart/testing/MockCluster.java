package dev.cairn.chart.testing;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * One fabric8 mock API server (CRUD mode) for the whole test JVM, and the kubeconfig file that
 * points at it. The build sets {@code KUBECONFIG} to that file for the forked JVM, because Helm's
 * {@code lookup} (helm-java renders with a live client) reads it: a lookup then sees what the tests
 * created, as it would on a cluster.
 */
public final class MockCluster {

  private static MockCluster shared;

  private final KubernetesMockServer server;
  private final Path kubeconfig;
  private boolean crdsInstalled;

  private MockCluster(KubernetesMockServer server, Path kubeconfig) {
    this.server = server;
    this.kubeconfig = kubeconfig;
  }

  /** The JVM's mock cluster, started on first use; its kubeconfig is written to $KUBECONFIG. */
  public static synchronized MockCluster shared() {
    if (shared == null) {
      String path = System.getenv("KUBECONFIG");
      if (path == null || path.isBlank()) {
        throw new IllegalStateException("KUBECONFIG is not set (the build sets it for tests)");
      }
      Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
      KubernetesMockServer server =
          new KubernetesMockServer(
              new Context(),
              new MockWebServer(),
              expectations,
              new KubernetesMixedDispatcher(expectations),
              false);
      server.init();
      answerDiscovery(server);
      // The Prometheus Operator's kinds, as if its CRDs were installed.
      server.expectCustomResource(
          new CustomResourceDefinitionContext.Builder()
              .withGroup("monitoring.coreos.com")
              .withVersion("v1")
              .withKind("ServiceMonitor")
              .withPlural("servicemonitors")
              .withScope("Namespaced")
              .build());
      server.expectCustomResource(
          new CustomResourceDefinitionContext.Builder()
              .withGroup("monitoring.coreos.com")
              .withVersion("v1")
              .withKind("PrometheusRule")
              .withPlural("prometheusrules")
              .withScope("Namespaced")
              .build());
      shared = new MockCluster(server, Path.of(path));
      shared.writeKubeconfig();
    }
    return shared;
  }

  /** Installs the committed CRDs ({@code crds/*.yml}), once. */
  public synchronized MockCluster withCairnCrds() {
    if (!crdsInstalled) {
      for (String name :
          List.of("modelversions.cairn.dev-v1.yml", "modelactivations.cairn.dev-v1.yml")) {
        try (InputStream in = Files.newInputStream(Repo.resolve("crds/" + name))) {
          client().apiextensions().v1().customResourceDefinitions().load(in).create();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      crdsInstalled = true;
    }
    return this;
  }

  /**
   * Answers the operator's start-up permission check (a {@code SelfSubjectRulesReview}, which the
   * CRUD mock cannot evaluate) with {@code rules}, as an API server would for a ServiceAccount
   * bound to them: rules missing a Lease verb fail the operator's start.
   */
  public MockCluster grantingRules(List<PolicyRule> rules) {
    var status = new SubjectRulesReviewStatusBuilder().withIncomplete(false);
    rules.forEach(
        rule ->
            status
                .addNewResourceRule()
                .withApiGroups(rule.getApiGroups())
                .withResources(rule.getResources())
                .withVerbs(rule.getVerbs())
                .endResourceRule());
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewMetadata()
                .endMetadata()
                .withStatus(status.build())
                .build())
        .always();
    return this;
  }

  /** Creates {@code object} (or updates it when it exists), typed or custom, as kubectl apply. */
  public HasMetadata apply(HasMetadata object) {
    KubernetesClient client = client();
    return object instanceof GenericKubernetesResource generic
        ? client
            .genericKubernetesResources(generic.getApiVersion(), generic.getKind())
            .resource(generic)
            .createOr(existing -> existing.update())
        : client.resource(object).createOr(existing -> existing.update());
  }

  public KubernetesClient client() {
    return server.createClient();
  }

  public KubernetesMockServer server() {
    return server;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  private void writeKubeconfig() {
    Config config = client().getConfiguration();
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster:
              server: %s
              insecure-skip-tls-verify: true
        users:
          - name: mock
            user:
              token: mock-token
        contexts:
          - name: mock
            context:
              cluster: mock
              user: mock
              namespace: default
        current-context: mock
        """
            .formatted(config.getMasterUrl().replaceAll("/$", ""));
    try {
      Files.createDirectories(kubeconfig.toAbsolutePath().getParent());
      Files.writeString(kubeconfig, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The discovery documents Go clients read before a lookup; the CRUD mock has none. */
  private static void answerDiscovery(KubernetesMockServer server) {
    KubernetesSerialization json = new KubernetesSerialization();
    // Every API server answers /version to anyone; the operator asks it before it starts.
    server
        .expect()
        .get()
        .withPath("/version")
        .andReturn(200, "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}")
        .always();
    server
        .expect()
        .get()
        .withPath("/api?timeout=32s")
        .andReturn(200, json.asJson(new APIVersionsBuilder().withVersions("v1").build()))
        .always();
    server
        .expect()
        .get()
        .withPath("/api/v1?timeout=32s")
        .andReturn(
            200,
            json.asJson(
                new APIResourceListBuilder()
                    .withGroupVersion("v1")
                    .withResources(
                        new APIResourceBuilder()
                            .withName("secrets")
                            .withKind("Secret")
                            .withNamespaced(true)
                            .withVerbs("get", "list", "create", "update", "delete")
                            .build())
                    .build()))
        .always();
  }
}
