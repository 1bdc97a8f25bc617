package dev.cairn.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.api.RoleMatrix.Cell;
import dev.cairn.registry.http.routes.ApiRoutes.Route;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × {no token, bad token, reader, publisher, approver, admin, other-project token}
 * answers the documented status (spec 40-security). Destructive calls get fresh resources per
 * caller so every cell is measured on its own.
 */
class RoleMatrixTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private final AtomicInteger counter = new AtomicInteger();
  private final MatrixResources fresh = new MatrixResources(admin, counter);
  private final List<Route> streamed = new ArrayList<>();

  @Test
  void everyEndpointAnswersTheDocumentedStatusForEveryCaller() {
    String p = TestRegistry.uniqueProject("matrix");
    admin.projects().create(ProjectCreate.named(p));
    admin.models().create(p, ModelCreate.named("m"));
    admin.versions().create(p, "m", VersionCreate.ofFormat("onnx").named("v1"));
    admin.versions().upload(p, "m", "v1", "w.bin", MatrixResources.weights(), null);
    String r1 = Versions.ready(admin, p, "m", "default", "ready one").version();
    String r2 = Versions.ready(admin, p, "m", "default", "ready two").version();
    admin.aliases().put(p, "m", "staging", AliasUpdate.version(r1, "setup"), null, null);
    String project = "/api/v1/projects/" + p;

    List<Cell> cells = RoleMatrixCells.all(p, r1, r2, fresh, counter);

    // The event stream never ends for an allowed caller: only its status is read.
    String events = "/api/v1/projects/{project}/events";
    covered(events);
    for (int i = 0; i < RoleMatrix.CALLERS.length; i++) {
      int status = registry.http().streamStatus(project + "/events", RoleMatrix.TOKENS[i]);
      assertThat(status)
          .as("GET events as " + RoleMatrix.CALLERS[i])
          .isEqualTo(RoleMatrixCells.READ[i]);
    }

    Set<Route> covered = new HashSet<>(streamed);
    for (Cell cell : cells) {
      covered.add(new Route(cell.method(), cell.template()));
    }
    List<String> mismatches =
        RoleMatrix.mismatches(
            registry.http(),
            cells,
            cell -> {
              if (cell.method().equals("POST") && cell.template().endsWith("/models")) {
                return "{\"name\":\"m-" + counter.incrementAndGet() + "\"}";
              }
              if (cell.template().equals("/api/v1/projects")) {
                return "{\"name\":\"mx-"
                    + counter.incrementAndGet()
                    + "-"
                    + p.substring(p.length() - 8)
                    + "\"}";
              }
              return cell.body();
            });

    assertThat(mismatches).isEmpty();
    assertThat(covered)
        .as("the matrix covers every routed endpoint")
        .containsExactlyInAnyOrderElementsOf(registry.server().routeTable().routes());
  }

  private void covered(String template) {
    streamed.add(new Route("GET", template));
  }
}
