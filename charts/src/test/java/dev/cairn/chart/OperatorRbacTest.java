package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's operator RBAC is exactly {@code operator/k8s/rbac.yaml}'s: one set of rules. */
class OperatorRbacTest {

  @Test
  void clusterRoleAndLeaseRoleEqualTheOperatorManifest() throws IOException {
    Rendered manifest = Rendered.parse(Files.readString(Repo.resolve("operator/k8s/rbac.yaml")));
    Rendered chart = Chart.defaults().render();

    assertThat(rules(chart.all(ClusterRole.class).getFirst().getRules()))
        .isEqualTo(rules(manifest.all(ClusterRole.class).getFirst().getRules()));
    assertThat(rules(chart.all(Role.class).getFirst().getRules()))
        .isEqualTo(rules(manifest.all(Role.class).getFirst().getRules()));
  }

  private static List<String> rules(List<PolicyRule> rules) {
    return rules.stream()
        .map(r -> r.getApiGroups() + " " + r.getResources() + " " + r.getVerbs())
        .toList();
  }
}
