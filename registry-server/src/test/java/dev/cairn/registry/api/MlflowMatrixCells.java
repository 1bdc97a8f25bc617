package dev.cairn.registry.api;

import static dev.cairn.registry.api.RoleMatrixCells.READ;

import dev.cairn.registry.api.RoleMatrix.Cell;
import dev.cairn.registry.mlflow.MlflowName;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MLflow-compatible surface in the role matrix (issue 30, item 7): every read answers every
 * caller with a role 200, no or a bad token 401, a token of another project 404 (MLflow's
 * RESOURCE_DOES_NOT_EXIST, as the native API hides a project). The POST form of {@code
 * get-latest-versions} is a read too; the alias writes and {@code model-versions/create} ask for a
 * publisher.
 */
final class MlflowMatrixCells {

  private static final String API = "/api/2.0/mlflow";
  private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts";

  private MlflowMatrixCells() {}

  // MLflow answers an alias write with 200 and an empty object, never 204.
  static final int[] ALIAS_SET = {401, 401, 403, 200, 200, 200, 404, 403};

  /**
   * {@code model-versions/create} with a source only MLflow resolves ({@code runs:/}): the project
   * is hidden and the publisher role asked before the source is read, so a publisher learns it does
   * not map (400 INVALID_PARAMETER_VALUE with the hint) and anyone else, an approver too (as for
   * the native {@code POST …/versions}), is refused as before. A source that maps is created in
   * {@code MlflowVersionCreateTest}.
   */
  static final int[] VERSION_CREATE = {401, 401, 403, 400, 403, 400, 404, 403};

  /**
   * Cells for model {@code m} of project {@code p}, READY versions {@code r1} and {@code r2}, alias
   * staging; the alias DELETE takes a fresh alias from {@code fresh}.
   */
  static List<Cell> all(String p, String r1, String r2, MatrixResources fresh) {
    String name = q(p + ".m");
    String version = q(MlflowName.mlflowVersion(r1));
    List<Cell> cells = new ArrayList<>();
    read(cells, API + "/registered-models/get", "?name=" + name);
    read(cells, API + "/registered-models/search", "?filter=" + q("name LIKE '" + p + ".%'"));
    read(cells, API + "/registered-models/get-latest-versions", "?name=" + name);
    cells.add(
        new Cell(
            "POST",
            API + "/registered-models/get-latest-versions",
            () -> API + "/registered-models/get-latest-versions",
            "{\"name\":\"" + p + ".m\",\"stages\":[\"None\"]}",
            READ));
    read(cells, API + "/registered-models/alias", "?name=" + name + "&alias=staging");
    cells.add(
        new Cell(
            "POST",
            API + "/registered-models/alias",
            () -> API + "/registered-models/alias",
            "{\"name\":\""
                + p
                + ".m\",\"alias\":\"staging\",\"version\":\""
                + MlflowName.mlflowVersion(r1)
                + "\"}",
            ALIAS_SET));
    cells.add(
        new Cell(
            "DELETE",
            API + "/registered-models/alias",
            () -> {
              String nativePath = fresh.freshAlias(p, r1, r2, false);
              String alias = nativePath.substring(nativePath.lastIndexOf('/') + 1);
              return API + "/registered-models/alias?name=" + name + "&alias=" + q(alias);
            },
            null,
            ALIAS_SET));
    cells.add(
        new Cell(
            "POST",
            API + "/model-versions/create",
            () -> API + "/model-versions/create",
            "{\"name\":\"" + p + ".m\",\"source\":\"runs:/0a1b2c/model\"}",
            VERSION_CREATE));
    read(cells, API + "/model-versions/get", "?name=" + name + "&version=" + version);
    read(cells, API + "/model-versions/search", "?filter=" + q("name = '" + p + ".m'"));
    read(cells, API + "/model-versions/get-download-uri", "?name=" + name + "&version=" + version);
    read(cells, ARTIFACTS, "?path=" + q(p + "/m/" + r1));
    cells.add(
        new Cell(
            "GET",
            ARTIFACTS + "/{+path}",
            () -> ARTIFACTS + "/" + p + "/m/" + r1 + "/model.bin",
            null,
            READ));
    return cells;
  }

  private static void read(List<Cell> cells, String template, String query) {
    cells.add(new Cell("GET", template, () -> template + query, null, READ));
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
