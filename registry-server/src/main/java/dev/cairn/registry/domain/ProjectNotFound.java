package dev.cairn.registry.domain;

/** The one 404 for a project that is missing or that the caller may not see. */
public final class ProjectNotFound {

  private ProjectNotFound() {}

  public static ApiException of(String project) {
    return ApiException.notFound("PROJECT_NOT_FOUND", "project '" + project + "' does not exist");
  }
}
