package dev.cairn.registry.oci;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of the OCI Distribution API, written as its error JSON ({@code
 * {"errors":[{"code","message","detail"}]}}) rather than problem+json: OCI clients read only that
 * shape. The codes are the distribution spec's (NAME_UNKNOWN, MANIFEST_UNKNOWN, BLOB_UNKNOWN,
 * DIGEST_INVALID, NAME_INVALID, UNAUTHORIZED, DENIED, UNSUPPORTED, …).
 */
public final class OciError extends RuntimeException {

  private final int status;
  private final String code;
  private final String detail;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public OciError(int status, String code, String message, String detail) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  public static OciError nameUnknown(String name) {
    return new OciError(
        404, "NAME_UNKNOWN", "repository name not known to registry", "no repository " + name);
  }

  public static OciError manifestUnknown(String name, String reference) {
    return new OciError(
        404,
        "MANIFEST_UNKNOWN",
        "manifest unknown",
        "no servable version of " + name + " is named by " + reference);
  }

  public static OciError blobUnknown(String name, String digest) {
    return new OciError(
        404, "BLOB_UNKNOWN", "blob unknown to registry", digest + " is not a blob of " + name);
  }

  public static OciError digestInvalid(String detail) {
    return new OciError(
        400, "DIGEST_INVALID", "provided digest did not match uploaded content", detail);
  }

  public static OciError unsupported(String detail) {
    return new OciError(405, "UNSUPPORTED", "the operation is unsupported", detail);
  }

  public OciError header(String name, String value) {
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
    return detail;
  }

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }
}
