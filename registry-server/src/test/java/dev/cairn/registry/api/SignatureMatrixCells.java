package dev.cairn.registry.api;

import static dev.cairn.registry.api.RoleMatrixCells.ADMIN_CHANGE;
import static dev.cairn.registry.api.RoleMatrixCells.READ;

import dev.cairn.registry.api.RoleMatrix.Cell;
import java.util.List;

/**
 * The signature and trust surface in the role matrix (issue 28): a project's trust policy reads
 * like the project and only its admin changes it; a version's signature reads like the version and
 * its publisher stores it. The cells depend on each other, so their order is fixed: the admin's
 * trust PUT trusts the key that signs r1, the publisher's signature PUT stores the bundle, and the
 * signature GET then finds it.
 */
final class SignatureMatrixCells {

  // The publisher stores the signature (201); the admin sends the same bytes again (200).
  static final int[] SIGNATURE_PUT = {401, 401, 403, 201, 403, 200, 404, 403};

  private SignatureMatrixCells() {}

  /** Cells for model {@code m} of project {@code p}, signing its READY version {@code r1}. */
  static List<Cell> all(String p, String r1, MatrixResources fresh) {
    String project = "/api/v1/projects/" + p;
    String signature = project + "/models/m/versions/" + r1 + "/signature";
    String trust = "/api/v1/projects/{project}/trust";
    String files = "/api/v1/projects/{project}/models/{model}/versions/{version}/signature";
    return List.of(
        new Cell("GET", trust, () -> project + "/trust", null, READ),
        new Cell("PUT", trust, () -> project + "/trust", fresh.trustPolicy(), ADMIN_CHANGE),
        new Cell("PUT", files, () -> signature, fresh.bundle(p, r1), SIGNATURE_PUT),
        new Cell("GET", files, () -> signature, null, READ));
  }
}
