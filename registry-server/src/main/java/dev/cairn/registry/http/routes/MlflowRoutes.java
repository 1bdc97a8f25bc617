package dev.cairn.registry.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.domain.ProjectNotFound;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.mlflow.MlflowErrorCodes;
import dev.cairn.registry.mlflow.MlflowFilter;
import dev.cairn.registry.mlflow.MlflowName;
import dev.cairn.registry.mlflow.MlflowReads;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MLflow's model-registry reads under {@code /api/2.0/mlflow/} (the endpoints and GET forms of
 * MLflow's {@code model_registry.proto}; {@code get-latest-versions} also as POST with a JSON body,
 * as MLflow's server takes it). Callers and roles are the native ones: any role reads, a project
 * the caller cannot see does not exist. Failures are MLflow's error JSON ({@code MlflowErrors}).
 */
public final class MlflowRoutes implements RouteGroup {

  static final String API = "/api/2.0/mlflow";

  private final MlflowReads reads;
  private final Optional<String> defaultProject;
  private final Responses responses;

  public MlflowRoutes(MlflowReads reads, Optional<String> defaultProject, Responses responses) {
    this.reads = reads;
    this.defaultProject = defaultProject;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .get(API + "/registered-models/get", this::registeredModel)
        .get(API + "/registered-models/search", this::searchRegisteredModels)
        .get(API + "/registered-models/get-latest-versions", this::latestVersions)
        .post(API + "/registered-models/get-latest-versions", this::latestVersionsPosted)
        .get(API + "/registered-models/alias", this::versionByAlias)
        .get(API + "/model-versions/get", this::modelVersion)
        .get(API + "/model-versions/search", this::searchModelVersions)
        .get(API + "/model-versions/get-download-uri", this::downloadUri);
  }

  private void registeredModel(ApiRequest req, ServerResponse res) {
    responses.ok(res, reads.registeredModel(named(req, req.query("name").orElse(null))));
  }

  private void searchRegisteredModels(ApiRequest req, ServerResponse res) {
    MlflowFilter filter = MlflowFilter.parse(req.query("filter").orElse(null), defaultProject);
    visible(req, filter.project());
    int max = maxResults(req, 100, MlflowReads.MAX_MODELS);
    responses.ok(
        res, reads.searchRegisteredModels(filter, max, req.query("page_token").orElse(null)));
  }

  private void latestVersions(ApiRequest req, ServerResponse res) {
    MlflowName name = named(req, req.query("name").orElse(null));
    responses.ok(res, reads.latestVersions(name, req.queryAll("stages")));
  }

  private void latestVersionsPosted(ApiRequest req, ServerResponse res) {
    JsonNode body = req.bodyTree();
    JsonNode name = body.path("name");
    MlflowName model = named(req, name.isTextual() ? name.asText() : null);
    List<String> stages = new ArrayList<>();
    JsonNode given = body.path("stages");
    if (!given.isMissingNode() && !given.isArray()) {
      throw MlflowErrorCodes.invalid("'stages' must be a list of stage names");
    }
    given.forEach(
        s -> {
          if (!s.isTextual()) {
            throw MlflowErrorCodes.invalid("'stages' must be a list of stage names");
          }
          stages.add(s.asText());
        });
    responses.ok(res, reads.latestVersions(model, stages));
  }

  private void versionByAlias(ApiRequest req, ServerResponse res) {
    MlflowName name = named(req, req.query("name").orElse(null));
    String alias =
        req.query("alias").orElseThrow(() -> MlflowErrorCodes.invalid("'alias' is required"));
    responses.ok(res, reads.versionByAlias(name, alias));
  }

  private void modelVersion(ApiRequest req, ServerResponse res) {
    MlflowName name = named(req, req.query("name").orElse(null));
    responses.ok(res, reads.modelVersion(name, req.query("version").orElse(null)));
  }

  private void searchModelVersions(ApiRequest req, ServerResponse res) {
    MlflowName name = MlflowFilter.modelOf(req.query("filter").orElse(null), defaultProject);
    visible(req, name.project());
    int max = maxResults(req, 10_000, MlflowReads.MAX_VERSIONS);
    responses.ok(res, reads.searchModelVersions(name, max, req.query("page_token").orElse(null)));
  }

  private void downloadUri(ApiRequest req, ServerResponse res) {
    MlflowName name = named(req, req.query("name").orElse(null));
    responses.ok(res, reads.downloadUri(name, req.query("version").orElse(null)));
  }

  private MlflowName named(ApiRequest req, String mlflowName) {
    MlflowName name = MlflowName.parse(mlflowName, defaultProject);
    visible(req, name.project());
    return name;
  }

  /**
   * Refuses a caller without a role, and answers a project the caller may not see exactly as a
   * missing one (RESOURCE_DOES_NOT_EXIST), as the native API does.
   */
  private static void visible(ApiRequest req, String project) {
    req.require(Role.READER);
    if (!req.principal().canSee(project)) {
      throw MlflowErrorCodes.missing(ProjectNotFound.of(project).detail());
    }
  }

  /** {@code max_results}: 1 to {@code max} (MLflow's own bounds), {@code fallback} when absent. */
  private static int maxResults(ApiRequest req, int fallback, int max) {
    Optional<String> given = req.query("max_results");
    if (given.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(given.get());
      if (value >= 1 && value <= max) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw MlflowErrorCodes.invalid("max_results must be a number from 1 to " + max);
  }
}
