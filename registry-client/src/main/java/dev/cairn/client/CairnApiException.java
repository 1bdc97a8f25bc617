package dev.cairn.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An error answer of the registry: the HTTP status, the stable problem {@code code} and its detail,
 * plus the whole problem document for extra members such as {@code current}.
 */
public final class CairnApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String detail;
  private final transient JsonNode problem;

  public CairnApiException(int status, String code, String detail, JsonNode problem) {
    super(status + " " + code + (detail == null ? "" : ": " + detail));
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  /** The stable machine-readable code, for example {@code MODEL_EXISTS}. */
  public String code() {
    return code;
  }

  public String detail() {
    return detail;
  }

  /** A member of the problem document beyond the standard ones. */
  public Optional<JsonNode> member(String name) {
    return Optional.ofNullable(problem).map(p -> p.get(name));
  }
}
