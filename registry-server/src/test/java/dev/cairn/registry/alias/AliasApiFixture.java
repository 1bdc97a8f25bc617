package dev.cairn.registry.alias;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** A project with a one-variant model ({@code fraud}) and a three-mode one ({@code ink}). */
abstract class AliasApiFixture {

  final TestRegistry registry = TestRegistry.shared();
  final CairnClient admin = registry.client(TestTokens.ADMIN);
  final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  final CairnClient approver = registry.client(TestTokens.APPROVER);
  final CairnClient reader = registry.client(TestTokens.READER);
  final CairnClient sidecar = registry.client(TestTokens.SIDECAR);
  String project;

  @BeforeEach
  void createModels() {
    project = TestRegistry.uniqueProject("alias");
    admin.projects().create(new ProjectCreate(project, null, new Policies(false, 0, true)));
    publisher.models().create(project, ModelCreate.named("fraud"));
    publisher
        .models()
        .create(
            project, ModelCreate.named("ink").withVariants(List.of("LOW", "MID", "HIGH"), "MID"));
  }

  static InstanceReport report(String version, long generation) {
    return new InstanceReport(
        "fraud",
        "production",
        generation,
        Map.of("default", new LoadedVersion(version, null, Instant.now())),
        "READY",
        null,
        null,
        null,
        30);
  }
}
