package dev.cairn.registry.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 8: seed 001's "filter by active" — {@code GET …/versions?alias=production}
 * lists the versions the alias points at. Before: the parameter was ignored (every version).
 */
class VersionAliasFilterTest {

  private final TestRegistry registry = TestRegistry.shared();

  @Test
  void anAliasFilterListsWhatTheAliasPointsAt() {
    String project = TestRegistry.uniqueProject("active");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    Versions.ready(admin, project, "m", "default", "one " + project);
    Versions.ready(admin, project, "m", "default", "two " + project);
    admin.aliases().put(project, "m", "production", AliasUpdate.version("v1", "go"), null, null);
    String versions = "/api/v1/projects/" + project + "/models/m/versions";

    assertThat(registry.http().get(versions + "?alias=production", TestTokens.READER).body())
        .contains("\"version\":\"v1\"")
        .doesNotContain("\"version\":\"v2\"");
    assertThat(registry.http().get(versions + "?alias=staging", TestTokens.READER).body())
        .contains("\"items\":[]");
    assertThat(registry.http().get(versions, TestTokens.READER).body())
        .contains("\"version\":\"v1\"", "\"version\":\"v2\"");
  }
}
