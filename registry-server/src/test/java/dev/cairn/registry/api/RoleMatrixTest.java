package dev.cairn.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.http.ApiRoutes.Route;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × {no token, bad token, reader, publisher, approver, admin, other-project token}
 * answers the documented status (spec 40-security). Destructive calls get fresh resources per
 * caller so every cell is measured on its own.
 */
class RoleMatrixTest {

  private static final String[] CALLERS = {
    "none", "bad", "reader", "publisher", "approver", "admin", "other-project"
  };
  private static final String[] TOKENS = {
    null,
    "not-a-known-token",
    TestTokens.READER,
    TestTokens.PUBLISHER,
    TestTokens.APPROVER,
    TestTokens.ADMIN,
    TestTokens.OTHER_PROJECT
  };

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private final AtomicInteger counter = new AtomicInteger();

  private record Cell(
      String method, String template, Supplier<String> path, String body, int[] expected) {}

  @Test
  void everyEndpointAnswersTheDocumentedStatusForEveryCaller() {
    String p = TestRegistry.uniqueProject("matrix");
    admin.projects().create(ProjectCreate.named(p));
    admin.models().create(p, ModelCreate.named("m"));
    admin.versions().create(p, "m", VersionCreate.ofFormat("onnx").named("v1"));
    admin.versions().upload(p, "m", "v1", "w.bin", weights(), null);
    String r1 = Versions.ready(admin, p, "m", "default", "ready one").version();
    String r2 = Versions.ready(admin, p, "m", "default", "ready two").version();
    admin.aliases().put(p, "m", "staging", AliasUpdate.version(r1, "setup"), null, null);
    String project = "/api/v1/projects/" + p;
    String model = project + "/models/m";

    List<Cell> cells = new ArrayList<>();
    int[] open = {200, 200, 200, 200, 200, 200, 200};
    int[] read = {401, 401, 200, 200, 200, 200, 404};
    int[] readGlobal = {401, 401, 200, 200, 200, 200, 200};
    int[] publish = {401, 401, 403, 201, 403, 201, 404};
    int[] publishChange = {401, 401, 403, 200, 403, 200, 404};
    int[] adminChange = {401, 401, 403, 403, 403, 200, 404};
    int[] adminDelete = {401, 401, 403, 403, 403, 204, 404};
    int[] adminGlobal = {401, 401, 403, 403, 403, 200, 403};
    int[] adminCreate = {401, 401, 403, 403, 403, 201, 403};

    for (String path :
        List.of("/", "/health", "/health/live", "/health/ready", "/metrics", "/openapi")) {
      cells.add(new Cell("GET", path, () -> path, null, open));
    }
    cells.add(new Cell("GET", "/api/v1/projects", () -> "/api/v1/projects", null, readGlobal));
    cells.add(
        new Cell(
            "POST",
            "/api/v1/projects",
            () -> "/api/v1/projects",
            "{\"name\":\"mx-"
                + counter.incrementAndGet()
                + "-"
                + p.substring(p.length() - 8)
                + "\"}",
            adminCreate));
    cells.add(new Cell("GET", "/api/v1/projects/{project}", () -> project, null, read));
    cells.add(
        new Cell(
            "PATCH",
            "/api/v1/projects/{project}",
            () -> project,
            "{\"description\":\"d\"}",
            adminChange));
    cells.add(
        new Cell(
            "DELETE", "/api/v1/projects/{project}", this::freshEmptyProject, null, adminDelete));
    cells.add(
        new Cell(
            "POST", "/api/v1/projects/{project}/models", () -> project + "/models", null, publish));
    cells.add(
        new Cell(
            "GET", "/api/v1/projects/{project}/models", () -> project + "/models", null, read));
    cells.add(
        new Cell("GET", "/api/v1/projects/{project}/models/{model}", () -> model, null, read));
    cells.add(
        new Cell(
            "PATCH",
            "/api/v1/projects/{project}/models/{model}",
            () -> model,
            "{\"description\":\"d\"}",
            publishChange));
    cells.add(
        new Cell(
            "DELETE",
            "/api/v1/projects/{project}/models/{model}",
            () -> archivedModel(p),
            null,
            adminDelete));
    cells.add(
        new Cell(
            "POST",
            "/api/v1/projects/{project}/models/{model}/versions",
            () -> model + "/versions",
            "{\"format\":\"onnx\"}",
            publish));
    // A JSON body reaches the multipart check only after the role check: 415 means "allowed".
    int[] registerStandard = {401, 401, 403, 415, 403, 415, 404};
    cells.add(
        new Cell(
            "POST",
            "/api/v1/projects/{project}/models/{model}/std-registrations",
            () -> model + "/std-registrations",
            "{}",
            registerStandard));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/models/{model}/versions",
            () -> model + "/versions",
            null,
            read));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/models/{model}/versions/{version}",
            () -> model + "/versions/v1",
            null,
            read));
    cells.add(
        new Cell(
            "PATCH",
            "/api/v1/projects/{project}/models/{model}/versions/{version}",
            () -> model + "/versions/v1",
            "{\"notes\":\"n\"}",
            publishChange));
    String files = "/api/v1/projects/{project}/models/{model}/versions/{version}";
    cells.add(
        new Cell(
            "PUT",
            files + "/files/{+path}",
            () -> model + "/versions/v1/files/up-" + counter.incrementAndGet() + ".bin",
            "bytes",
            publish));
    cells.add(
        new Cell(
            "GET", files + "/files/{+path}", () -> model + "/versions/v1/files/w.bin", null, read));
    cells.add(
        new Cell("GET", files + "/manifest", () -> model + "/versions/v1/manifest", null, read));
    cells.add(new Cell("POST", files + "/complete", () -> completable(p), null, publishChange));
    cells.add(
        new Cell(
            "POST", files + "/verify", () -> model + "/versions/v1/verify", null, publishChange));
    String aliases = "/api/v1/projects/{project}/models/{model}/aliases";
    int[] aliasWrite = {401, 401, 403, 200, 200, 200, 404};
    int[] aliasDelete = {401, 401, 403, 204, 204, 204, 404};
    int[] report = {401, 401, 403, 200, 403, 200, 404};
    cells.add(new Cell("GET", aliases, () -> model + "/aliases", null, read));
    cells.add(new Cell("GET", aliases + "/{alias}", () -> model + "/aliases/staging", null, read));
    cells.add(
        new Cell(
            "PUT",
            aliases + "/{alias}",
            () -> model + "/aliases/staging",
            "{\"version\":\"" + r1 + "\",\"reason\":\"matrix\"}",
            aliasWrite));
    cells.add(
        new Cell(
            "DELETE", aliases + "/{alias}", () -> freshAlias(p, r1, r2, false), null, aliasDelete));
    cells.add(
        new Cell(
            "POST",
            aliases + "/{alias}/rollback",
            () -> freshAlias(p, r1, r2, true) + "/rollback",
            "{\"reason\":\"matrix\"}",
            aliasWrite));
    cells.add(
        new Cell(
            "GET",
            aliases + "/{alias}/history",
            () -> model + "/aliases/staging/history",
            null,
            read));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/models/{model}/status",
            () -> model + "/status",
            null,
            read));
    cells.add(
        new Cell(
            "PUT",
            "/api/v1/projects/{project}/instances/{instance}",
            () -> project + "/instances/pod-1",
            "{\"model\":\"m\",\"alias\":\"staging\",\"state\":\"READY\"}",
            report));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/instances",
            () -> project + "/instances",
            null,
            read));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/resolve",
            () -> project + "/resolve?ref=m@staging",
            null,
            read));
    cells.add(
        new Cell(
            "POST",
            files + "/validate",
            () -> model + "/versions/" + r1 + "/validate",
            null,
            publishChange));
    cells.add(new Cell("DELETE", files, () -> deletableVersion(p), null, adminDelete));
    cells.add(
        new Cell("GET", "/api/v1/projects/{project}/audit", () -> project + "/audit", null, read));
    cells.add(
        new Cell("GET", "/api/v1/audit/verify", () -> "/api/v1/audit/verify", null, adminGlobal));

    // The event stream never ends for an allowed caller: only its status is read.
    String events = "/api/v1/projects/{project}/events";
    covered(events);
    for (int i = 0; i < CALLERS.length; i++) {
      int status = registry.http().streamStatus(project + "/events", TOKENS[i]);
      assertThat(status).as("GET events as " + CALLERS[i]).isEqualTo(read[i]);
    }

    Set<Route> covered = new HashSet<>(streamed);
    List<String> mismatches = new ArrayList<>();
    for (Cell cell : cells) {
      covered.add(new Route(cell.method(), cell.template()));
      for (int i = 0; i < CALLERS.length; i++) {
        String body = cell.body();
        if (cell.method().equals("POST") && cell.template().endsWith("/models")) {
          body = "{\"name\":\"m-" + counter.incrementAndGet() + "\"}";
        } else if (cell.template().equals("/api/v1/projects")) {
          body =
              "{\"name\":\"mx-"
                  + counter.incrementAndGet()
                  + "-"
                  + p.substring(p.length() - 8)
                  + "\"}";
        }
        HttpResponse<String> res =
            registry.http().send(cell.method(), cell.path().get(), TOKENS[i], body);
        if (res.statusCode() != cell.expected()[i]) {
          mismatches.add(
              cell.method()
                  + " "
                  + cell.template()
                  + " as "
                  + CALLERS[i]
                  + ": expected "
                  + cell.expected()[i]
                  + ", got "
                  + res.statusCode()
                  + " "
                  + res.body());
        }
      }
    }

    assertThat(mismatches).isEmpty();
    assertThat(covered)
        .as("the matrix covers every routed endpoint")
        .containsExactlyInAnyOrderElementsOf(registry.server().routeTable().routes());
  }

  /** A fresh alias at generation 2 (so it can roll back), or 1. */
  private String freshAlias(String project, String r1, String r2, boolean twice) {
    String name = "a" + counter.incrementAndGet();
    admin.aliases().put(project, "m", name, AliasUpdate.version(r1, "setup"), null, null);
    if (twice) {
      admin.aliases().put(project, "m", name, AliasUpdate.version(r2, "setup"), null, null);
    }
    return "/api/v1/projects/" + project + "/models/m/aliases/" + name;
  }

  /** A fresh READY version no alias points at. */
  private String deletableVersion(String project) {
    String name =
        Versions.ready(admin, project, "m", "default", "deletable " + counter.incrementAndGet())
            .version();
    return "/api/v1/projects/" + project + "/models/m/versions/" + name;
  }

  /** A fresh version with one uploaded file, ready to complete. */
  private String completable(String project) {
    String name = "c" + counter.incrementAndGet();
    admin.versions().create(project, "m", VersionCreate.ofFormat("onnx").named(name));
    admin.versions().upload(project, "m", name, "w.bin", weights(), null);
    return "/api/v1/projects/" + project + "/models/m/versions/" + name + "/complete";
  }

  private static java.nio.file.Path weights() {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("weights", ".bin");
      java.nio.file.Files.writeString(file, "weights");
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final List<Route> streamed = new ArrayList<>();

  private void covered(String template) {
    streamed.add(new Route("GET", template));
  }

  private String freshEmptyProject() {
    String name = TestRegistry.uniqueProject("mxdel");
    admin.projects().create(ProjectCreate.named(name));
    return "/api/v1/projects/" + name;
  }

  private String archivedModel(String project) {
    String name = "gone-" + counter.incrementAndGet();
    admin.models().create(project, ModelCreate.named(name));
    admin.models().patch(project, name, ModelPatch.state("ARCHIVED"));
    return "/api/v1/projects/" + project + "/models/" + name;
  }
}
