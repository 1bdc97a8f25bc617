package dev.cairn.registry.api;

import dev.cairn.registry.api.RoleMatrix.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every routed endpoint of the registry as a role-matrix cell: path, body and expected statuses.
 */
final class RoleMatrixCells {

  // Expected status per caller, in the order of RoleMatrix.CALLERS.
  static final int[] OPEN = {200, 200, 200, 200, 200, 200, 200, 200};
  static final int[] READ = {401, 401, 200, 200, 200, 200, 404, 200};
  static final int[] READ_GLOBAL = {401, 401, 200, 200, 200, 200, 200, 200};
  static final int[] PUBLISH = {401, 401, 403, 201, 403, 201, 404, 403};
  static final int[] PUBLISH_CHANGE = {401, 401, 403, 200, 403, 200, 404, 403};
  static final int[] ADMIN_CHANGE = {401, 401, 403, 403, 403, 200, 404, 403};
  static final int[] ADMIN_DELETE = {401, 401, 403, 403, 403, 204, 404, 403};
  static final int[] ADMIN_GLOBAL = {401, 401, 403, 403, 403, 200, 403, 403};
  static final int[] ADMIN_CREATE = {401, 401, 403, 403, 403, 201, 403, 403};
  static final int[] REGISTER_STANDARD = {401, 401, 403, 415, 403, 415, 404, 403};
  static final int[] ALIAS_WRITE = {401, 401, 403, 200, 200, 200, 404, 403};
  static final int[] ALIAS_DELETE = {401, 401, 403, 204, 204, 204, 404, 403};
  static final int[] REPORT = {401, 401, 403, 403, 403, 200, 404, 200};
  // Any token opens a session and signs out; a bearer request has no session to show.
  static final int[] SESSION_OPEN = {401, 401, 201, 201, 201, 201, 201, 201};
  static final int[] SESSION_SHOW = {401, 401, 404, 404, 404, 404, 404, 404};
  static final int[] SESSION_CLOSE = {401, 401, 204, 204, 204, 204, 204, 204};

  private RoleMatrixCells() {}

  /**
   * The cells for project {@code p} with model {@code m}, READY versions {@code r1} and {@code r2}
   * and alias {@code staging}; destructive cells take fresh resources from {@code fresh}.
   */
  static List<Cell> all(
      String p, String r1, String r2, MatrixResources fresh, AtomicInteger counter) {
    String project = "/api/v1/projects/" + p;
    String model = project + "/models/m";
    List<Cell> cells = new ArrayList<>();

    for (String path :
        List.of("/", "/health", "/health/live", "/health/ready", "/metrics", "/openapi")) {
      cells.add(new Cell("GET", path, () -> path, null, OPEN));
    }
    cells.add(new Cell("GET", "/api/v1/projects", () -> "/api/v1/projects", null, READ_GLOBAL));
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
            ADMIN_CREATE));
    cells.add(new Cell("GET", "/api/v1/projects/{project}", () -> project, null, READ));
    cells.add(
        new Cell(
            "PATCH",
            "/api/v1/projects/{project}",
            () -> project,
            "{\"description\":\"d\"}",
            ADMIN_CHANGE));
    cells.add(
        new Cell(
            "DELETE", "/api/v1/projects/{project}", fresh::freshEmptyProject, null, ADMIN_DELETE));
    cells.add(
        new Cell(
            "POST", "/api/v1/projects/{project}/models", () -> project + "/models", null, PUBLISH));
    cells.add(
        new Cell(
            "GET", "/api/v1/projects/{project}/models", () -> project + "/models", null, READ));
    cells.add(
        new Cell("GET", "/api/v1/projects/{project}/models/{model}", () -> model, null, READ));
    cells.add(
        new Cell(
            "PATCH",
            "/api/v1/projects/{project}/models/{model}",
            () -> model,
            "{\"description\":\"d\"}",
            PUBLISH_CHANGE));
    cells.add(
        new Cell(
            "DELETE",
            "/api/v1/projects/{project}/models/{model}",
            () -> fresh.archivedModel(p),
            null,
            ADMIN_DELETE));
    // Issue 25 item 16: one call deletes a LIVE model, with a reason.
    cells.add(
        new Cell(
            "DELETE",
            "/api/v1/projects/{project}/models/{model}",
            () -> fresh.liveModel(p),
            "{\"reason\":\"matrix\"}",
            ADMIN_DELETE));
    cells.add(
        new Cell(
            "POST",
            "/api/v1/projects/{project}/models/{model}/versions",
            () -> model + "/versions",
            "{\"format\":\"onnx\"}",
            PUBLISH));
    // A JSON body reaches the multipart check only after the role check: 415 means "allowed".
    cells.add(
        new Cell(
            "POST",
            "/api/v1/projects/{project}/models/{model}/std-registrations",
            () -> model + "/std-registrations",
            "{}",
            REGISTER_STANDARD));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/models/{model}/versions",
            () -> model + "/versions",
            null,
            READ));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/models/{model}/versions/{version}",
            () -> model + "/versions/v1",
            null,
            READ));
    cells.add(
        new Cell(
            "PATCH",
            "/api/v1/projects/{project}/models/{model}/versions/{version}",
            () -> model + "/versions/v1",
            "{\"notes\":\"n\"}",
            PUBLISH_CHANGE));
    cells.add(
        new Cell(
            "GET", "/api/v1/projects/{project}/versions", () -> project + "/versions", null, READ));
    cells.add(new Cell("GET", "/api/v1/models/{id}", () -> fresh.modelById(p), null, READ));
    cells.add(new Cell("GET", "/api/v1/versions/{id}", () -> fresh.versionById(p, r1), null, READ));
    String files = "/api/v1/projects/{project}/models/{model}/versions/{version}";
    cells.add(
        new Cell(
            "PUT",
            files + "/files/{+path}",
            () -> model + "/versions/v1/files/up-" + counter.incrementAndGet() + ".bin",
            "bytes",
            PUBLISH));
    cells.add(
        new Cell(
            "GET", files + "/files/{+path}", () -> model + "/versions/v1/files/w.bin", null, READ));
    cells.add(
        new Cell("GET", files + "/manifest", () -> model + "/versions/v1/manifest", null, READ));
    cells.add(
        new Cell("POST", files + "/complete", () -> fresh.completable(p), null, PUBLISH_CHANGE));
    cells.add(
        new Cell(
            "POST", files + "/verify", () -> model + "/versions/v1/verify", null, PUBLISH_CHANGE));
    String aliases = "/api/v1/projects/{project}/models/{model}/aliases";
    cells.add(new Cell("GET", aliases, () -> model + "/aliases", null, READ));
    cells.add(new Cell("GET", aliases + "/{alias}", () -> model + "/aliases/staging", null, READ));
    cells.add(
        new Cell(
            "PUT",
            aliases + "/{alias}",
            () -> model + "/aliases/staging",
            "{\"version\":\"" + r1 + "\",\"reason\":\"matrix\"}",
            ALIAS_WRITE));
    cells.add(
        new Cell(
            "DELETE",
            aliases + "/{alias}",
            () -> fresh.freshAlias(p, r1, r2, false),
            null,
            ALIAS_DELETE));
    cells.add(
        new Cell(
            "POST",
            aliases + "/{alias}/rollback",
            () -> fresh.freshAlias(p, r1, r2, true) + "/rollback",
            "{\"reason\":\"matrix\"}",
            ALIAS_WRITE));
    // Issue 25 item 21: back to a named generation, same roles as any rollback.
    cells.add(
        new Cell(
            "POST",
            aliases + "/{alias}/rollback",
            () -> fresh.freshAlias(p, r1, r2, true) + "/rollback",
            "{\"reason\":\"matrix\",\"to_generation\":1}",
            ALIAS_WRITE));
    cells.add(
        new Cell(
            "GET",
            aliases + "/{alias}/history",
            () -> model + "/aliases/staging/history",
            null,
            READ));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/models/{model}/status",
            () -> model + "/status",
            null,
            READ));
    cells.add(
        new Cell(
            "PUT",
            "/api/v1/projects/{project}/instances/{instance}",
            // A fresh id per call: an id belongs to the identity that first reported it.
            () -> project + "/instances/pod-" + counter.incrementAndGet(),
            "{\"model\":\"m\",\"alias\":\"staging\",\"state\":\"READY\"}",
            REPORT));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/instances",
            () -> project + "/instances",
            null,
            READ));
    cells.add(
        new Cell(
            "GET",
            "/api/v1/projects/{project}/resolve",
            () -> project + "/resolve?ref=m@staging",
            null,
            READ));
    cells.add(
        new Cell(
            "POST",
            files + "/validate",
            () -> model + "/versions/" + r1 + "/validate",
            null,
            PUBLISH_CHANGE));
    cells.add(new Cell("DELETE", files, () -> fresh.deletableVersion(p), null, ADMIN_DELETE));
    cells.add(
        new Cell("GET", "/api/v1/projects/{project}/audit", () -> project + "/audit", null, READ));
    cells.add(
        new Cell("GET", "/api/v1/audit/verify", () -> "/api/v1/audit/verify", null, ADMIN_GLOBAL));
    cells.add(new Cell("GET", "/api/v1/whoami", () -> "/api/v1/whoami", null, READ_GLOBAL));
    String session = "/api/v1/session";
    cells.add(new Cell("POST", session, () -> session, null, SESSION_OPEN));
    cells.add(new Cell("GET", session, () -> session, null, SESSION_SHOW));
    cells.add(new Cell("DELETE", session, () -> session, null, SESSION_CLOSE));
    cells.addAll(MlflowMatrixCells.all(p, r1, r2, fresh));
    cells.addAll(WebhookMatrixCells.all(p));
    cells.addAll(SignatureMatrixCells.all(p, r1, fresh));
    return cells;
  }
}
