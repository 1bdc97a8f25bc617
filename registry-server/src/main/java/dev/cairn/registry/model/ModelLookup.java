package dev.cairn.registry.model;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.ProjectNotFound;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.project.StoredProject;
import io.helidon.dbclient.DbExecute;

/** Finds a live project and model by name, answering the contract's 404s when either is gone. */
public final class ModelLookup {

  private final ProjectRepository projects;
  private final ModelRepository models;

  public ModelLookup(ProjectRepository projects, ModelRepository models) {
    this.projects = projects;
    this.models = models;
  }

  public StoredProject project(DbExecute exec, String project) {
    return projects.find(exec, project).orElseThrow(() -> ProjectNotFound.of(project));
  }

  public StoredModel model(DbExecute exec, String project, String model) {
    return locate(exec, project, model).model();
  }

  /** A model with the project it is in (one query for both). */
  public record Located(StoredProject project, StoredModel model) {}

  public Located locate(DbExecute exec, String project, String model) {
    ModelRepository.Found found =
        models.locate(exec, project, model).orElseThrow(() -> ProjectNotFound.of(project));
    return new Located(found.project(), found.model().orElseThrow(() -> notFound(project, model)));
  }

  /** The model row locked until the transaction ends (serialises changes to one model). */
  public StoredModel lockModel(DbExecute tx, String project, String model) {
    StoredProject p = project(tx, project);
    return models.lock(tx, p.id(), project, model).orElseThrow(() -> notFound(project, model));
  }

  public static ApiException notFound(String project, String model) {
    return ApiException.notFound(
        "MODEL_NOT_FOUND", "model '" + model + "' does not exist in project '" + project + "'");
  }
}
