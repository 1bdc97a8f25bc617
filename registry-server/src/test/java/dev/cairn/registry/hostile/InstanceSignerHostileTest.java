package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 28 item 4: an instance report now says who signed each loaded variant ({@code
 * loaded.<variant>.signature}: method, signer, verified_at). That is the sidecar's claim, shown as
 * reported in every instance list, so its text is held to the rule of the report's other free text:
 * a terminal control or a right-to-left override is 400 {@code INVALID_TEXT:<field>}, nothing kept.
 */
class InstanceSignerHostileTest {

  private static final String ESC = "\\u001b]0;pwned\\u0007";
  private static final String RLO = "\\u202e";

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private String project;

  @BeforeEach
  void createModel() {
    project = TestRegistry.uniqueProject("signer-text");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
  }

  @Test
  void aSignerOrMethodWithControlsIsRefusedAndNothingKept() {
    String instance = "/api/v1/projects/" + project + "/instances/i-1";
    assertProblem(
        http.send("PUT", instance, TestTokens.ADMIN, report("key", "ci" + ESC)),
        400,
        "INVALID_TEXT:loaded.signature.signer");
    assertProblem(
        http.send("PUT", instance, TestTokens.ADMIN, report("key" + RLO, "ci")),
        400,
        "INVALID_TEXT:loaded.signature.method");
    assertThat(http.get("/api/v1/projects/" + project + "/instances", TestTokens.ADMIN).body())
        .doesNotContain("i-1");
  }

  private static String report(String method, String signer) {
    return "{\"model\":\"m\",\"alias\":\"production\",\"state\":\"READY\",\"generation\":1,"
        + "\"loaded\":{\"default\":{\"version\":\"v1\",\"digest\":\"sha256:00\",\"signature\":"
        + "{\"method\":\""
        + method
        + "\",\"signer\":\""
        + signer
        + "\",\"verified_at\":\"2026-12-07T05:00:00Z\"}}}}";
  }
}
