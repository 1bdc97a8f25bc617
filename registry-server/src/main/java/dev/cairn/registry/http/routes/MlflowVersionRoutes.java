package dev.cairn.registry.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.mlflow.MlflowName;
import dev.cairn.registry.mlflow.MlflowVersionCreate;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * MLflow's {@code POST model-versions/create} (issue 30 item 6): a publisher of the model's project
 * declares and completes a version from a source Cairn fetches itself ({@link
 * MlflowVersionCreate}); what does not map answers MLflow's error JSON with a hint to publish
 * natively. Its own route group because it is the one MLflow call that makes a version.
 */
public final class MlflowVersionRoutes implements RouteGroup {

  private final MlflowVersionCreate creates;
  private final Optional<String> defaultProject;
  private final Responses responses;

  public MlflowVersionRoutes(
      MlflowVersionCreate creates, Optional<String> defaultProject, Responses responses) {
    this.creates = creates;
    this.defaultProject = defaultProject;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.post(MlflowRoutes.API + "/model-versions/create", this::create);
  }

  /** A hidden project is missing before the role is asked, as everywhere on this surface. */
  private void create(ApiRequest req, ServerResponse res) {
    JsonNode body = req.bodyTree();
    MlflowName name = MlflowName.parse(MlflowRoutes.text(body, "name"), defaultProject);
    MlflowRoutes.visible(req, name.project());
    req.require(Role.PUBLISHER);
    responses.ok(res, creates.create(req.actor(), name, body));
  }
}
