package dev.cairn.registry.http.routes;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.alias.AliasCommand;
import dev.cairn.registry.alias.AliasQueries;
import dev.cairn.registry.alias.AliasRef;
import dev.cairn.registry.alias.AliasService;
import dev.cairn.registry.alias.Caller;
import dev.cairn.registry.alias.ModelStatusService;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;

/** {@code …/models/{model}/aliases} and the model's activation status. */
public final class AliasRoutes implements RouteGroup {

  private static final String ALIASES = ModelRoutes.MODEL + "/aliases";
  private static final String ALIAS = ALIASES + "/{alias}";

  private final AliasService aliases;
  private final AliasQueries queries;
  private final ModelStatusService status;
  private final Responses responses;

  public AliasRoutes(
      AliasService aliases, AliasQueries queries, ModelStatusService status, Responses responses) {
    this.aliases = aliases;
    this.queries = queries;
    this.status = status;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .get(ALIASES, this::list)
        .get(ALIAS, this::get)
        .put(ALIAS, this::put)
        .delete(ALIAS, this::delete)
        .post(ALIAS + "/rollback", this::rollback)
        .get(ALIAS + "/history", this::history)
        .get(ModelRoutes.MODEL + "/status", this::status);
  }

  private void list(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    responses.ok(res, Map.of("items", queries.list(project, req.model())));
  }

  private void get(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    send(res, queries.get(project, req.model(), alias(req)));
  }

  private void put(ApiRequest req, ServerResponse res) {
    String project = req.project();
    String model = req.model();
    AliasUpdate update = req.body(AliasUpdate.class);
    send(
        res,
        aliases.put(
            new AliasCommand.Put(
                caller(req), new AliasRef(project, model, alias(req)), update, conditions(req))));
  }

  private void rollback(ApiRequest req, ServerResponse res) {
    String project = req.project();
    String model = req.model();
    AliasRollback rollback = req.body(AliasRollback.class);
    send(
        res,
        aliases.rollback(
            new AliasCommand.Rollback(
                caller(req), new AliasRef(project, model, alias(req)), rollback, conditions(req))));
  }

  private void delete(ApiRequest req, ServerResponse res) {
    String project = req.project();
    aliases.delete(
        new AliasCommand.Delete(
            caller(req), new AliasRef(project, req.model(), alias(req)), conditions(req)));
    responses.noContent(res);
  }

  private void history(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    responses.ok(
        res,
        queries.history(
            project, req.model(), alias(req), req.limit(), req.query("page_token").orElse(null)));
  }

  private void status(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    String alias = Names.resource("alias", req.query("alias").orElse("production"));
    responses.ok(res, status.status(project, req.model(), alias));
  }

  private void send(ServerResponse res, Alias alias) {
    res.header(HeaderNames.ETAG, "\"" + alias.generation() + "\"");
    responses.ok(res, alias);
  }

  private static String alias(ApiRequest req) {
    return Names.resource("alias", req.raw().path().pathParameters().get("alias"));
  }

  /** Role checks depend on whether the alias is protected: the service decides with these. */
  private static Caller caller(ApiRequest req) {
    req.require(Role.READER);
    return new Caller(
        req.actor(), req.principal().may(Role.PUBLISHER), req.principal().may(Role.APPROVER));
  }

  private static AliasService.Conditions conditions(ApiRequest req) {
    Optional<Long> ifMatch =
        req.raw().headers().first(HeaderNames.IF_MATCH).map(AliasRoutes::generation);
    return new AliasService.Conditions(
        ifMatch, req.raw().headers().first(HeaderNames.create("Idempotency-Key")));
  }

  private static long generation(String etag) {
    String value = etag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("If-Match must be an alias generation such as \"7\"");
    }
  }
}
