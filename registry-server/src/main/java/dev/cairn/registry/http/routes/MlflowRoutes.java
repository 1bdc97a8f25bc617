package dev.cairn.registry.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.alias.AliasCommand;
import dev.cairn.registry.alias.AliasRef;
import dev.cairn.registry.alias.AliasService;
import dev.cairn.registry.alias.Caller;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
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
 * as MLflow's server takes it), and the one write that maps cleanly: setting and deleting an alias,
 * through the native {@link AliasService}. Callers and roles are the native ones: any role reads, a
 * project the caller cannot see does not exist. Failures are MLflow's error JSON ({@code
 * MlflowErrors}).
 */
public final class MlflowRoutes implements RouteGroup {

  static final String API = "/api/2.0/mlflow";

  /** MLflow has no If-Match or Idempotency-Key: an alias change through it is unconditional. */
  private static final AliasService.Conditions NO_CONDITIONS =
      new AliasService.Conditions(Optional.empty(), Optional.empty());

  /** The audit reason of an alias change made through MLflow, which has no reason field. */
  static final String REASON = "set through the MLflow API";

  private final MlflowReads reads;
  private final AliasService aliases;
  private final Optional<String> defaultProject;
  private final Responses responses;

  public MlflowRoutes(
      MlflowReads reads,
      AliasService aliases,
      Optional<String> defaultProject,
      Responses responses) {
    this.reads = reads;
    this.aliases = aliases;
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
        .post(API + "/registered-models/alias", this::setAlias)
        .delete(API + "/registered-models/alias", this::deleteAlias)
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

  /**
   * MLflow's {@code SetRegisteredModelAlias}: the native alias PUT of that version, with its role
   * checks, protection, approvals, rate limit and audit entry ({@code AliasService}); MLflow sends
   * no reason, so the audit entry names the protocol. Answers MLflow's empty response.
   */
  private void setAlias(ApiRequest req, ServerResponse res) {
    JsonNode body = req.bodyTree();
    MlflowName name = named(req, text(body, "name"));
    String alias = aliasName(text(body, "alias"));
    String version = MlflowName.cairnVersion(text(body, "version"));
    aliases.put(
        new AliasCommand.Put(
            caller(req),
            new AliasRef(name.project(), name.model(), alias),
            AliasUpdate.version(version, REASON),
            NO_CONDITIONS));
    responses.ok(res, responses.json().createObjectNode());
  }

  /**
   * MLflow's {@code DeleteRegisteredModelAlias}: the native alias DELETE; name and alias from the
   * query or a JSON body.
   */
  private void deleteAlias(ApiRequest req, ServerResponse res) {
    Optional<JsonNode> body =
        req.raw().content().hasEntity() ? Optional.of(req.bodyTree()) : Optional.empty();
    MlflowName name =
        named(req, body.map(b -> text(b, "name")).orElseGet(() -> req.query("name").orElse(null)));
    String alias =
        aliasName(body.map(b -> text(b, "alias")).orElseGet(() -> req.query("alias").orElse(null)));
    aliases.delete(
        new AliasCommand.Delete(
            caller(req), new AliasRef(name.project(), name.model(), alias), NO_CONDITIONS));
    responses.ok(res, responses.json().createObjectNode());
  }

  static String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isTextual()) {
      throw MlflowErrorCodes.invalid("'" + field + "' is required and must be a string");
    }
    return value.asText();
  }

  private static String aliasName(String alias) {
    if (alias == null) {
      throw MlflowErrorCodes.invalid("'alias' is required");
    }
    try {
      return Names.resource("alias", alias);
    } catch (ApiException e) {
      throw MlflowErrorCodes.invalid("'" + alias + "' is not an alias name: " + e.detail());
    }
  }

  /** As the native alias routes: the service decides by role whether the alias may change. */
  private static Caller caller(ApiRequest req) {
    req.require(Role.READER);
    return new Caller(
        req.actor(), req.principal().may(Role.PUBLISHER), req.principal().may(Role.APPROVER));
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
  static void visible(ApiRequest req, String project) {
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
