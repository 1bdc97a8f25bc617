package dev.cairn.registry.http.routes;

import dev.cairn.client.model.Page;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.registry.artifact.ArtifactsDirPublisher;
import dev.cairn.registry.artifact.OneShotPublisher;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.http.RequestBodies;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.model.Labels;
import dev.cairn.registry.resolve.VersionViews;
import dev.cairn.registry.version.VersionFilter;
import dev.cairn.registry.version.VersionService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code …/models/{model}/versions}: metadata of versions (uploads come with the blob store). */
public final class VersionRoutes implements RouteGroup {

  private static final String VERSIONS = ModelRoutes.MODEL + "/versions";
  private static final String VERSION = VERSIONS + "/{version}";

  private final VersionService versions;
  private final VersionViews views;
  private final OneShotPublisher oneShot;
  private final ArtifactsDirPublisher artifactsDir;
  private final Responses responses;

  public VersionRoutes(
      VersionService versions,
      VersionViews views,
      OneShotPublisher oneShot,
      ArtifactsDirPublisher artifactsDir,
      Responses responses) {
    this.versions = versions;
    this.views = views;
    this.oneShot = oneShot;
    this.artifactsDir = artifactsDir;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .post(VERSIONS, this::create)
        .get(VERSIONS, this::list)
        .get(VERSION, this::get)
        .patch(VERSION, this::patch);
  }

  private void create(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    String model = req.model();
    String contentType = req.raw().headers().first(HeaderNames.CONTENT_TYPE).orElse("");
    Version created =
        contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
            ? oneShot.publish(
                req.actor(), project, model, contentType, RequestBodies.open(req.raw()))
            : fromJson(req, project, model, req.declarationBody(VersionCreate.class));
    responses.created(
        res,
        "/api/v1/projects/" + project + "/models/" + model + "/versions/" + created.version(),
        created);
  }

  private Version fromJson(ApiRequest req, String project, String model, VersionCreate request) {
    return request.artifactsDir() == null
        ? versions.create(req.actor(), project, model, request)
        : artifactsDir.publish(req.actor(), project, model, request);
  }

  private void list(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    String model = req.model();
    Optional<VersionFilter> filter = filter(req, Optional.empty());
    if (filter.isEmpty()) {
      responses.ok(res, new Page<>(List.of(), null));
      return;
    }
    responses.ok(
        res,
        views.page(
            project,
            versions.list(
                project, model, filter.get(), req.limit(), req.query("page_token").orElse(null))));
  }

  /**
   * The filters of a version listing from its query, empty when a label filter cannot match
   * anything; {@code model} narrows a project-wide listing.
   */
  static Optional<VersionFilter> filter(ApiRequest req, Optional<String> model) {
    return Labels.filters(req.queryAll("label"))
        .map(
            labels ->
                new VersionFilter(
                    model,
                    req.query("variant"),
                    req.query("state"),
                    labels,
                    req.query("alias").map(a -> Names.resource("alias", a)),
                    req.query("q"),
                    req.query("name")));
  }

  private void get(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    responses.ok(res, views.of(project, versions.get(project, req.model(), req.version())));
  }

  private void patch(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    String model = req.model();
    String version = req.version();
    responses.ok(
        res,
        versions.patch(
            req.actor(),
            project,
            model,
            version,
            req.bodyTree(),
            tree -> req.convert(tree, VersionPatch.class)));
  }
}
