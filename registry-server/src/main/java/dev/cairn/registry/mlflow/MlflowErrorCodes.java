package dev.cairn.registry.mlflow;

import dev.cairn.registry.domain.ApiException;
import java.util.Set;

/**
 * MLflow's error codes ({@code mlflow/protos/databricks.proto}) with the HTTP status MLflow's
 * server gives each ({@code mlflow/exceptions.py}), and which one a Cairn failure becomes.
 */
public final class MlflowErrorCodes {

  public static final String INVALID_PARAMETER_VALUE = "INVALID_PARAMETER_VALUE";
  public static final String RESOURCE_DOES_NOT_EXIST = "RESOURCE_DOES_NOT_EXIST";
  public static final String ENDPOINT_NOT_FOUND = "ENDPOINT_NOT_FOUND";
  public static final String NOT_IMPLEMENTED = "NOT_IMPLEMENTED";

  private static final Set<String> MLFLOW_CODES =
      Set.of(
          INVALID_PARAMETER_VALUE,
          RESOURCE_DOES_NOT_EXIST,
          ENDPOINT_NOT_FOUND,
          NOT_IMPLEMENTED,
          "RESOURCE_ALREADY_EXISTS",
          "PERMISSION_DENIED",
          "UNAUTHENTICATED",
          "INVALID_STATE",
          "ABORTED",
          "REQUEST_LIMIT_EXCEEDED",
          "TEMPORARILY_UNAVAILABLE",
          "INTERNAL_ERROR");

  private MlflowErrorCodes() {}

  /** 400 INVALID_PARAMETER_VALUE: what MLflow answers a malformed parameter. */
  public static ApiException invalid(String message) {
    return new ApiException(400, INVALID_PARAMETER_VALUE, message);
  }

  /** 404 RESOURCE_DOES_NOT_EXIST. */
  public static ApiException missing(String message) {
    return new ApiException(404, RESOURCE_DOES_NOT_EXIST, message);
  }

  /**
   * The MLflow code of a Cairn failure: an MLflow code thrown as such stays (not BAD_REQUEST: Cairn
   * uses that name for every malformed request, which MLflow calls INVALID_PARAMETER_VALUE);
   * otherwise the status decides (a route Cairn lacks is ENDPOINT_NOT_FOUND, so an MLflow client
   * learns that the call, not the model, is missing).
   */
  public static String of(int status, String cairnCode) {
    if (MLFLOW_CODES.contains(cairnCode)) {
      return cairnCode;
    }
    return switch (status) {
      case 400, 413, 415, 422 -> INVALID_PARAMETER_VALUE;
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND".equals(cairnCode) ? ENDPOINT_NOT_FOUND : RESOURCE_DOES_NOT_EXIST;
      case 405 -> ENDPOINT_NOT_FOUND;
      case 409, 412 -> "ABORTED";
      case 429 -> "REQUEST_LIMIT_EXCEEDED";
      case 501 -> NOT_IMPLEMENTED;
      case 503 -> "TEMPORARILY_UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }
}
