package dev.cairn.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the leader-election Lease lives when no variable says: where kubectl would look. */
class OperatorSettingsTest {

  private static final Map<String, String> REQUIRED =
      Map.of("CAIRN_REGISTRY_URL", "http://127.0.0.1:9", "CAIRN_REGISTRY_TOKEN", "t");

  @AfterEach
  void forgetKubeconfig() {
    System.clearProperty("kubeconfig");
  }

  @Test
  void outsideAPodTheLeaseIsInTheNamespaceOfTheCurrentKubeconfigContext() throws Exception {
    useKubeconfigWithNamespace("team-a");

    OperatorSettings settings = OperatorSettings.fromEnvironment(REQUIRED);

    assertThat(settings.leaseNamespace()).isEqualTo("team-a");
    assertThat(settings.toString()).contains("lease=team-a/cairn-operator");
  }

  @Test
  void aVariableStillWins() throws Exception {
    useKubeconfigWithNamespace("team-a");
    Map<String, String> env = new HashMap<>(REQUIRED);
    env.put("CAIRN_LEASE_NAMESPACE", "leases");

    assertThat(OperatorSettings.fromEnvironment(env).leaseNamespace()).isEqualTo("leases");
  }

  private static void useKubeconfigWithNamespace(String namespace) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "operator-settings-test"));
    Path kubeconfig =
        Files.writeString(
            dir.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u, namespace: %s}}]
            current-context: x
            """
                .formatted(namespace));
    // fabric8 reads the kubeconfig named by this property before $KUBECONFIG.
    System.setProperty("kubeconfig", kubeconfig.toString());
  }
}
