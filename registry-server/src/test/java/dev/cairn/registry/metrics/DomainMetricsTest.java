package dev.cairn.registry.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 10: seed 001's dashboards read activations, rollbacks, publish durations,
 * resolve-cache hits and misses and verify failures; {@code /metrics} had only HTTP series.
 */
class DomainMetricsTest {

  private final TestRegistry registry = TestRegistry.shared();

  @Test
  void activationsRollbacksPublishesAndResolvesAreCounted() {
    CairnClient admin = registry.client(TestTokens.ADMIN);
    String project = TestRegistry.uniqueProject("metrics");
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    double activations = value("cairn_activations_total");
    double rollbacks = value("cairn_rollbacks_total");
    double published =
        value("cairn_publish_duration_seconds_count{outcome=\"ready\",path=\"complete\"}");
    double hits = value("cairn_resolve_cache_total{result=\"hit\"}");
    double misses = value("cairn_resolve_cache_total{result=\"miss\"}");

    Version v1 = Versions.ready(admin, project, "m", "default", "one");
    Version v2 = Versions.ready(admin, project, "m", "default", "two");
    admin
        .aliases()
        .put(project, "m", "staging", AliasUpdate.version(v1.version(), "a"), null, null);
    admin
        .aliases()
        .put(project, "m", "staging", AliasUpdate.version(v2.version(), "b"), null, null);
    admin.aliases().rollback(project, "m", "staging", new AliasRollback(null, "back", null));
    registry
        .http()
        .get("/api/v1/projects/" + project + "/resolve?ref=m@staging", TestTokens.READER);
    registry
        .http()
        .get("/api/v1/projects/" + project + "/resolve?ref=m@staging", TestTokens.READER);

    assertThat(value("cairn_activations_total") - activations).isEqualTo(3);
    assertThat(value("cairn_rollbacks_total") - rollbacks).isEqualTo(1);
    assertThat(
            value("cairn_publish_duration_seconds_count{outcome=\"ready\",path=\"complete\"}")
                - published)
        .isEqualTo(2);
    assertThat(value("cairn_resolve_cache_total{result=\"miss\"}") - misses)
        .isGreaterThanOrEqualTo(1);
    assertThat(value("cairn_resolve_cache_total{result=\"hit\"}") - hits).isGreaterThanOrEqualTo(1);
  }

  /** A series' value in {@code /metrics}, 0 when it has not appeared yet. */
  private double value(String series) {
    String metrics = registry.http().get("/metrics", null).body();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
