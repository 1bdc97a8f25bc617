package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelDelete;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.ModelQuery;
import dev.cairn.client.model.ModelStatus;
import dev.cairn.client.model.Page;

/** Models of a project, and where a model stands for an alias. */
public final class Models {

  private final HttpTransport transport;

  Models(HttpTransport transport) {
    this.transport = transport;
  }

  public Model create(String project, ModelCreate request) {
    return transport.send(
        "POST", ApiPaths.projectPath(project) + "/models", request, new TypeReference<>() {});
  }

  public Page<Model> list(String project, ModelQuery query) {
    String qs =
        new QueryString()
            .add("state", query.state())
            .addAll("label", query.labels())
            .add("q", query.q())
            .add("order_by", query.orderBy())
            .add("limit", query.limit())
            .add("page_token", query.pageToken())
            .toString();
    return transport.send(
        "GET", ApiPaths.projectPath(project) + "/models" + qs, null, new TypeReference<>() {});
  }

  public Model get(String project, String model) {
    return transport.send(
        "GET", ApiPaths.modelPath(project, model), null, new TypeReference<>() {});
  }

  /**
   * A model by the id a client stored (seed 004); its {@link Model#project()} names the project.
   */
  public Model byId(String id) {
    return transport.send(
        "GET", ApiPaths.API + "/models/" + QueryString.encode(id), null, new TypeReference<>() {});
  }

  public Model patch(String project, String model, ModelPatch patch) {
    return transport.send(
        "PATCH", ApiPaths.modelPath(project, model), patch, new TypeReference<>() {});
  }

  public void delete(String project, String model) {
    transport.send("DELETE", ApiPaths.modelPath(project, model), null, null);
  }

  /** Soft-deletes a model in one call, with why ({@code force}: even while an alias points). */
  public void delete(String project, String model, ModelDelete request) {
    transport.send("DELETE", ApiPaths.modelPath(project, model), request, null);
  }

  public ModelStatus status(String project, String model, String alias) {
    return transport.send(
        "GET",
        ApiPaths.modelPath(project, model) + "/status" + new QueryString().add("alias", alias),
        null,
        new TypeReference<>() {});
  }
}
