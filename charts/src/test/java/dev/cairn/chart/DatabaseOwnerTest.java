package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Rendered;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema owner's Secret (spec 40-security: separate roles) reaches the registry. */
class DatabaseOwnerTest {

  @Test
  void anOwnerSecretBecomesTheMigrationRole() {
    List<EnvVar> env =
        env(
            Chart.defaults()
                .set("database.mode", "external")
                .set("database.external.ownerSecret", "cairn-db-superuser")
                .render());
    assertThat(env)
        .filteredOn(e -> e.getName().startsWith("CAIRN_DB_OWNER_"))
        .extracting(e -> e.getName() + "=" + e.getValueFrom().getSecretKeyRef().getName())
        .containsExactly(
            "CAIRN_DB_OWNER_USER=cairn-db-superuser", "CAIRN_DB_OWNER_PASSWORD=cairn-db-superuser");
  }

  @Test
  void withoutOneTheConnectionsRoleMigrates() {
    assertThat(env(Chart.defaults().set("database.mode", "external").render()))
        .noneMatch(e -> e.getName().startsWith("CAIRN_DB_OWNER_"));
  }

  private static List<EnvVar> env(Rendered chart) {
    return chart
        .deployment("registry")
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .getFirst()
        .getEnv();
  }
}
