package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Finding 10: an admin limited to one project cannot create projects, cannot learn from a 409 that
 * an invisible project exists, and cannot read the global audit count. Before: 201, 409 and 200.
 */
class ScopedAdminTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();

  @Test
  void aScopedAdminCannotCreateProjects() {
    String name = TestRegistry.uniqueProject("by-scoped");
    assertProblem(
        http.post("/api/v1/projects", TestTokens.SCOPED_ADMIN, "{\"name\":\"" + name + "\"}"),
        403,
        "FORBIDDEN");
    assertThat(http.get("/api/v1/projects/" + name, TestTokens.ADMIN).statusCode()).isEqualTo(404);
  }

  @Test
  void takenAndFreeNamesGetTheSameAnswer() {
    String invisible = TestRegistry.uniqueProject("invisible");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(invisible));
    var taken =
        http.post("/api/v1/projects", TestTokens.SCOPED_ADMIN, "{\"name\":\"" + invisible + "\"}");
    var free =
        http.post(
            "/api/v1/projects",
            TestTokens.SCOPED_ADMIN,
            "{\"name\":\"" + TestRegistry.uniqueProject("free") + "\"}");
    assertProblem(taken, 403, "FORBIDDEN");
    assertProblem(free, 403, "FORBIDDEN");
    assertThat(HostileJson.parse(taken.body()).get("detail"))
        .isEqualTo(HostileJson.parse(free.body()).get("detail"));
  }

  @Test
  void aScopedAdminCannotReadTheGlobalAuditButAGlobalOneCan() {
    assertProblem(http.get("/api/v1/audit/verify", TestTokens.SCOPED_ADMIN), 403, "FORBIDDEN");
    assertThat(http.get("/api/v1/audit/verify", TestTokens.ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  void aScopedAdminStillAdministersItsOwnProject() {
    String own = TestTokens.OTHER_PROJECT_NAME;
    // Shared by several tests: created by whichever comes first.
    int created =
        http.post("/api/v1/projects", TestTokens.ADMIN, "{\"name\":\"" + own + "\"}").statusCode();
    assertThat(created).isIn(201, 409);
    assertThat(http.get("/api/v1/projects/" + own + "/audit", TestTokens.SCOPED_ADMIN).statusCode())
        .isEqualTo(200);
  }
}
