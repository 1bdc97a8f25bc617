package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.fleet.ServedModel;
import dev.cairn.sidecar.follow.RegistryHealth;
import dev.cairn.sidecar.testing.LogLines;
import dev.cairn.sidecar.testing.Sidecars;
import dev.cairn.sidecar.testing.TcpProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a sidecar's log tells its operator: why nothing serves yet, what it follows, each swap, and
 * each time the registry goes away or comes back — one line each.
 */
class SidecarLogLinesTest {

  private final TestRegistry registry = TestRegistry.shared();
  @TempDir Path cache;

  @Test
  void namesAMissingProjectRatherThanAnUnreachableRegistry() throws Exception {
    String project = TestRegistry.uniqueProject("absent");
    try (LogLines log = LogLines.of(ServedModel.class, RegistryHealth.class);
        Sidecar sidecar = Sidecars.start(registry.uri(), project, "scorer", cache, List.of())) {
      assertThat(sidecar.ready()).isFalse();
      assertThat(log.lines())
          .contains(
              "WARNING scorer: project "
                  + project
                  + " not found in the registry and no cached set: nothing to serve yet")
          .noneMatch(line -> line.contains("unreachable") || line.contains("does not answer"));
    }
  }

  @Test
  void logsOneLinePerSwapWithVersionsDigestPrefixAndLoadTime() throws Exception {
    String project = Sidecars.scorerProject(registry, "swaplog", 2);
    String v2Digest =
        registry.client(TestTokens.READER).versions().get(project, "scorer", "v2").digest();
    try (LogLines log = LogLines.named("dev.cairn.sidecar.fleet");
        Sidecar sidecar = Sidecars.start(registry.uri(), project, "scorer", cache, List.of())) {
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
      long generation = sidecar.manager().current().generation();
      registry
          .client(TestTokens.APPROVER)
          .aliases()
          .put(project, "scorer", "production", AliasUpdate.version("v2", "next"), null, null);
      String prefix = v2Digest.substring(0, v2Digest.indexOf(':') + 13);
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(log.lines())
                      .anyMatch(
                          line ->
                              line.matches(
                                  "INFO scorer: generation "
                                      + generation
                                      + " → "
                                      + (generation + 1)
                                      + " in [0-9]+ ms: [a-z]+ v1 → v2 \\("
                                      + prefix.replace("+", "\\+")
                                      + "\\)")));
      assertThat(log.lines().stream().filter(l -> l.contains("→ " + (generation + 1))))
          .as("one line per swap")
          .hasSize(1);
    }
  }

  @Test
  void logsOnceWhenTheRegistryGoesAwayAndOnceWhenItComesBack() throws Exception {
    String project = Sidecars.scorerProject(registry, "conn", 1);
    try (LogLines log = LogLines.of(RegistryHealth.class);
        TcpProxy proxy = new TcpProxy(registry.uri());
        Sidecar sidecar = Sidecars.start(proxy.uri(), project, "scorer", cache, List.of())) {
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
      String gone = "WARNING the registry at " + proxy.uri() + " does not answer";
      String back = "INFO the registry at " + proxy.uri() + " answers again";

      proxy.down();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(log.lines()).anyMatch(l -> l.startsWith(gone)));
      // Reports every second and resolves keep failing; the log says it once.
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> log.lines().stream().filter(l -> l.startsWith(gone)).count() == 1);

      proxy.up();
      await()
          .atMost(Duration.ofSeconds(40))
          .untilAsserted(() -> assertThat(log.lines()).contains(back));
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(4))
          .until(() -> log.lines().stream().filter(back::equals).count() == 1);
      assertThat(log.lines()).filteredOn(l -> l.startsWith(gone)).hasSize(1);
    }
  }

  @Test
  void theStartLineNamesWhatAFleetFollows() {
    SidecarSettings listed =
        SidecarSettings.fromEnv(
            Map.of(
                "CAIRN_REGISTRY_URL", "http://registry:8080",
                "CAIRN_REGISTRY_TOKEN", "t",
                "CAIRN_PROJECT", "sku001",
                "CAIRN_MODELS", "ink-a,ink-b"));
    SidecarSettings selected =
        SidecarSettings.fromEnv(
            Map.of(
                "CAIRN_REGISTRY_URL", "http://registry:8080",
                "CAIRN_REGISTRY_TOKEN", "t",
                "CAIRN_PROJECT", "sku001",
                "CAIRN_MODEL_SELECTOR", "task=ink,line=3"));
    assertThat(SidecarMain.following(listed)).isEqualTo("sku001/{ink-a, ink-b}@production");
    assertThat(SidecarMain.following(selected))
        .isEqualTo("sku001/{labelled line=3,task=ink}@production");
  }
}
