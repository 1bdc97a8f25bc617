package dev.cairn.registry.mlflow;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Cairn model an MLflow registered-model name stands for: {@code project.model}, or the bare
 * model name when a default project is configured ({@code CAIRN_MLFLOW_DEFAULT_PROJECT}). Project
 * names have no dot (DNS-1123 labels), so the first dot always ends the project; a name without a
 * dot is a model of the default project, and a default-project model whose own name has a dot is
 * addressed (and shown) as {@code project.model}.
 */
public record MlflowName(String project, String model) {

  private static final Pattern VERSION_DIGITS = Pattern.compile("[1-9][0-9]{0,17}");

  /** Reads {@code name}; a malformed one is 400 INVALID_PARAMETER_VALUE. */
  public static MlflowName parse(String name, Optional<String> defaultProject) {
    if (name == null || name.isEmpty()) {
      throw MlflowErrorCodes.invalid("the registered model 'name' is required");
    }
    int dot = name.indexOf('.');
    try {
      if (dot < 0) {
        String project =
            defaultProject.orElseThrow(
                () ->
                    MlflowErrorCodes.invalid(
                        "MLflow names are 'project.model' on this registry (no"
                            + " CAIRN_MLFLOW_DEFAULT_PROJECT is set); got '"
                            + name
                            + "'"));
        return new MlflowName(project, Names.resource("model", name));
      }
      return new MlflowName(
          Names.project(name.substring(0, dot)), Names.resource("model", name.substring(dot + 1)));
    } catch (ApiException e) {
      throw MlflowErrorCodes.invalid("'" + name + "' is not a Cairn model name: " + e.detail());
    }
  }

  /** The MLflow name of a Cairn model: bare in the default project when unambiguous. */
  public static String of(String project, String model, Optional<String> defaultProject) {
    if (defaultProject.filter(project::equals).isPresent() && model.indexOf('.') < 0) {
      return model;
    }
    return project + "." + model;
  }

  /** This model's MLflow name. */
  public String mlflow(Optional<String> defaultProject) {
    return of(project, model, defaultProject);
  }

  /**
   * The MLflow version of a Cairn version: {@code vN} (the registry's own numbering) is {@code
   * "N"}; any other name is shown unchanged.
   */
  public static String mlflowVersion(String cairnVersion) {
    if (cairnVersion.length() > 1
        && cairnVersion.charAt(0) == 'v'
        && VERSION_DIGITS.matcher(cairnVersion.substring(1)).matches()) {
      return cairnVersion.substring(1);
    }
    return cairnVersion;
  }

  /**
   * The Cairn version an MLflow version names: an all-digit {@code "N"} is always {@code vN};
   * anything else is taken as the Cairn name itself. A Cairn version literally named {@code "3"} is
   * therefore not reachable through MLflow (README, "Using MLflow clients").
   */
  public static String cairnVersion(String mlflowVersion) {
    if (mlflowVersion == null || mlflowVersion.isEmpty()) {
      throw MlflowErrorCodes.invalid("the model 'version' is required");
    }
    if (VERSION_DIGITS.matcher(mlflowVersion).matches()) {
      return "v" + mlflowVersion;
    }
    try {
      return Names.resource("version", mlflowVersion);
    } catch (ApiException e) {
      throw MlflowErrorCodes.invalid("'" + mlflowVersion + "' is not a version: " + e.detail());
    }
  }
}
