package dev.cairn.operator.testing;

import dev.cairn.operator.OperatorSettings;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectRulesReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Shared set-up for tests that run the operator against the fabric8 mock API server. */
public final class OperatorTesting {

  private OperatorTesting() {}

  /** Installs the committed CRDs (the very files in {@code crds/}) into the mock API server. */
  public static void installCrds(KubernetesClient client) {
    Path crds = Examples.folder().resolveSibling("crds");
    for (String name :
        List.of("modelversions.cairn.dev-v1.yml", "modelactivations.cairn.dev-v1.yml")) {
      try (InputStream in = Files.newInputStream(crds.resolve(name))) {
        client.apiextensions().v1().customResourceDefinitions().load(in).create();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Answers JOSDK's start-up permission check for the leader-election Lease (a {@code
   * SelfSubjectRulesReview}, which the CRUD mock cannot evaluate) with the rules of the Role in
   * {@code operator/k8s/rbac.yaml}, as an API server would for that ServiceAccount: a manifest
   * missing a Lease verb fails the operator's start.
   */
  public static void allowLeases(KubernetesMockServer server) {
    var status = new SubjectRulesReviewStatusBuilder().withIncomplete(false);
    try {
      String manifest =
          Files.readString(Examples.folder().resolveSibling("operator/k8s/rbac.yaml"));
      var yaml = new KubernetesSerialization();
      for (String doc : manifest.split("(?m)^---\\s*$")) {
        if (yaml.unmarshal(doc) instanceof Role role) {
          role.getRules()
              .forEach(
                  rule ->
                      status
                          .addNewResourceRule()
                          .withApiGroups(rule.getApiGroups())
                          .withResources(rule.getResources())
                          .withVerbs(rule.getVerbs())
                          .endResourceRule());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var review =
        new SelfSubjectRulesReviewBuilder()
            .withNewMetadata()
            .endMetadata()
            .withStatus(status.build())
            .build();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review)
        .always();
  }

  /** Settings for an operator replica named {@code identity}, leader election on, 5 s resync. */
  public static OperatorSettings settings(URI registry, String token, String identity) {
    return new OperatorSettings(
        registry,
        token,
        Set.of(),
        0,
        true,
        false,
        "cairn-operator",
        "cairn-system",
        identity,
        Duration.ofSeconds(5),
        List.of(),
        Optional.empty());
  }

  /** A namespace name no other test uses (also the registry project). */
  public static String uniqueNamespace(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
