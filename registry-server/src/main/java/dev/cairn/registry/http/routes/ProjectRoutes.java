package dev.cairn.registry.http.routes;

import dev.cairn.client.model.Project;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.ProjectPatch;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.project.ProjectService;
import io.helidon.webserver.http.ServerResponse;

/** {@code /api/v1/projects}: admins create, change and delete; readers see what they may. */
public final class ProjectRoutes implements RouteGroup {

  private static final String PROJECTS = "/api/v1/projects";
  private static final String PROJECT = PROJECTS + "/{project}";

  private final ProjectService projects;
  private final Responses responses;

  public ProjectRoutes(ProjectService projects, Responses responses) {
    this.projects = projects;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .post(PROJECTS, this::create)
        .get(PROJECTS, this::list)
        .get(PROJECT, this::get)
        .patch(PROJECT, this::patch)
        .delete(PROJECT, this::delete);
  }

  private void create(ApiRequest req, ServerResponse res) {
    // Checked before the body is read: a scoped admin learns nothing, not even that a name is
    // taken.
    req.requireAllProjects(Role.ADMIN);
    Project created = projects.create(req.actor(), req.body(ProjectCreate.class));
    responses.created(res, PROJECTS + "/" + created.name(), created);
  }

  private void list(ApiRequest req, ServerResponse res) {
    req.require(Role.READER);
    responses.ok(
        res, projects.list(req.principal(), req.limit(), req.query("page_token").orElse(null)));
  }

  private void get(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    responses.ok(res, projects.get(project));
  }

  private void patch(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.ADMIN);
    responses.ok(res, projects.patch(req.actor(), project, req.body(ProjectPatch.class)));
  }

  private void delete(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.ADMIN);
    projects.delete(req.actor(), project);
    responses.noContent(res);
  }
}
