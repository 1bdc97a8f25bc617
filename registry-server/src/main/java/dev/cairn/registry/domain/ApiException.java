package dev.cairn.registry.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure with a place in the API contract: HTTP status, stable {@code code}, detail, and
 * optional extra problem members and headers. Thrown anywhere, written once as problem+json.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, Object> members = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ApiException(int status, String code, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "BAD_REQUEST", detail);
  }

  public static ApiException invalidName(String field, String detail) {
    return new ApiException(400, "INVALID_NAME:" + field, detail);
  }

  /** Free text carrying a control or bidirectional character: 400 {@code INVALID_TEXT:<field>}. */
  public static ApiException invalidText(String field, String detail) {
    return new ApiException(400, "INVALID_TEXT:" + field, detail);
  }

  public static ApiException notFound(String code, String detail) {
    return new ApiException(404, code, detail);
  }

  public static ApiException conflict(String code, String detail) {
    return new ApiException(409, code, detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "FORBIDDEN", detail);
  }

  /** Adds a member to the problem document, for example {@code current} on a 412. */
  public ApiException with(String member, Object value) {
    members.put(member, value);
    return this;
  }

  public ApiException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, Object> members() {
    return members;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
