package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.chart.testing.Chart;
import org.junit.jupiter.api.Test;

/**
 * The MLflow default project (issue 30, item 6) reaches the registry's environment only when set,
 * and a value that is no project name is refused by the schema before anything renders.
 */
class MlflowSettingsTest {

  private static final String CONFIG = "cairn-registry";

  @Test
  void unsetByDefaultSoMlflowNamesCarryTheirProject() {
    assertThat(Chart.defaults().render().configMap(CONFIG).orElseThrow().getData())
        .doesNotContainKey("CAIRN_MLFLOW_DEFAULT_PROJECT");
  }

  @Test
  void aDefaultProjectIsPassedOn() {
    assertThat(
            Chart.defaults()
                .set("registry.config.mlflowDefaultProject", "team-a")
                .render()
                .configMap(CONFIG)
                .orElseThrow()
                .getData())
        .containsEntry("CAIRN_MLFLOW_DEFAULT_PROJECT", "team-a");
  }

  @Test
  void aValueThatIsNoProjectNameIsRefusedByTheSchema() {
    assertThatThrownBy(
            () -> Chart.defaults().set("registry.config.mlflowDefaultProject", "Team.A").template())
        .hasMessageContaining("mlflowDefaultProject");
  }
}
