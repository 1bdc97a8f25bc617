package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.Project;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.ProjectPatch;

/** Projects: create, list, read, change and delete (admin writes). */
public final class Projects {

  private final HttpTransport transport;

  Projects(HttpTransport transport) {
    this.transport = transport;
  }

  public Project create(ProjectCreate request) {
    return transport.send("POST", ApiPaths.API + "/projects", request, new TypeReference<>() {});
  }

  public Page<Project> list(Integer limit, String pageToken) {
    String query = new QueryString().add("limit", limit).add("page_token", pageToken).toString();
    return transport.send(
        "GET", ApiPaths.API + "/projects" + query, null, new TypeReference<>() {});
  }

  public Project get(String project) {
    return transport.send("GET", ApiPaths.projectPath(project), null, new TypeReference<>() {});
  }

  public Project patch(String project, ProjectPatch patch) {
    return transport.send("PATCH", ApiPaths.projectPath(project), patch, new TypeReference<>() {});
  }

  public void delete(String project) {
    transport.send("DELETE", ApiPaths.projectPath(project), null, null);
  }
}
