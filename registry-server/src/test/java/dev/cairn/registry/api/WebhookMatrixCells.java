package dev.cairn.registry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.api.RoleMatrix.Cell;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The role-matrix cells of issue 30's webhook routes: all of them are the project admin's. The
 * fixtures target a documentation address (TEST-NET-2, public to the SSRF rules) and are DISABLED,
 * so a queued test delivery is never attempted: the matrix reaches nothing outside.
 */
final class WebhookMatrixCells {

  static final int[] ADMIN_CREATE_IN_PROJECT = {401, 401, 403, 403, 403, 201, 404, 403};
  // Review 12 item 17: a test of a DISABLED endpoint is refused (409 WEBHOOK_DISABLED), and these
  // fixtures are DISABLED, so there is no test delivery to redeliver either: the admin's cells
  // answer 409 and 404 (WEBHOOK_DELIVERY_NOT_FOUND) after the same role gates.
  static final int[] ADMIN_DISABLED = {401, 401, 403, 403, 403, 409, 404, 403};
  static final int[] ADMIN_NO_DELIVERY = {401, 401, 403, 403, 403, 404, 404, 403};
  static final String BODY =
      "{\"url\":\"https://198.51.100.7/hook\",\"events\":[\"signature.*\"],"
          + "\"status\":\"DISABLED\"}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookMatrixCells() {}

  static List<Cell> all(String p) {
    Http http = TestRegistry.shared().http();
    String webhooks = "/api/v1/projects/" + p + "/webhooks";
    String template = "/api/v1/projects/{project}/webhooks";
    String one = template + "/{webhook}";
    // One endpoint for the cells that leave it in place (a project holds at most 50), a fresh one
    // per caller for DELETE.
    Supplier<String> shared = memoized(() -> fresh(http, webhooks));
    return List.of(
        new Cell("POST", template, () -> webhooks, BODY, ADMIN_CREATE_IN_PROJECT),
        new Cell("GET", template, () -> webhooks, null, RoleMatrixCells.ADMIN_CHANGE),
        new Cell("GET", one, shared, null, RoleMatrixCells.ADMIN_CHANGE),
        new Cell("PATCH", one, shared, "{\"description\":\"d\"}", RoleMatrixCells.ADMIN_CHANGE),
        new Cell("DELETE", one, () -> fresh(http, webhooks), null, RoleMatrixCells.ADMIN_DELETE),
        new Cell(
            "POST",
            one + "/rotate-secret",
            () -> shared.get() + "/rotate-secret",
            null,
            RoleMatrixCells.ADMIN_CHANGE),
        new Cell("POST", one + "/test", () -> shared.get() + "/test", null, ADMIN_DISABLED),
        new Cell(
            "GET",
            one + "/deliveries",
            () -> shared.get() + "/deliveries",
            null,
            RoleMatrixCells.ADMIN_CHANGE),
        new Cell(
            "POST",
            one + "/deliveries/{delivery}/redeliver",
            () -> shared.get() + "/deliveries/" + UUID.randomUUID() + "/redeliver",
            null,
            ADMIN_NO_DELIVERY));
  }

  private static Supplier<String> memoized(Supplier<String> make) {
    AtomicReference<String> made = new AtomicReference<>();
    return () -> made.updateAndGet(m -> m == null ? make.get() : m);
  }

  /** A new endpoint's path. */
  static String fresh(Http http, String webhooks) {
    var res = http.post(webhooks, TestTokens.ADMIN, BODY);
    if (res.statusCode() != 201) {
      throw new IllegalStateException("webhook fixture: " + res.statusCode() + " " + res.body());
    }
    return webhooks + "/" + field(res.body(), "id");
  }

  private static String field(String body, String name) {
    try {
      return JSON.readTree(body).get(name).asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
