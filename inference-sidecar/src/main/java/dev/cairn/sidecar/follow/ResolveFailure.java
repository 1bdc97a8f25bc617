package dev.cairn.sidecar.follow;

import dev.cairn.client.CairnApiException;

/**
 * Why a resolve failed, in the words of a log line: a missing project or model is not an
 * unreachable registry, and a refused token is neither.
 */
public final class ResolveFailure {

  private ResolveFailure() {}

  /** What {@code e}, thrown while resolving {@code model} of {@code project}, means. */
  public static String describe(RuntimeException e, String project, String model) {
    if (!(e instanceof CairnApiException api)) {
      return "registry unreachable (" + transport(e) + ")";
    }
    return switch (api.code() == null ? "" : api.code()) {
      case "PROJECT_NOT_FOUND" -> "project " + project + " not found in the registry";
      case "MODEL_NOT_FOUND" -> "model " + model + " not found in project " + project;
      default ->
          api.status() == 401 || api.status() == 403
              ? "the registry refuses the sidecar's token (" + api.getMessage() + ")"
              : "the registry answered " + api.getMessage();
    };
  }

  /** A transport failure in a few words: its cause's kind and message. */
  static String transport(RuntimeException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
