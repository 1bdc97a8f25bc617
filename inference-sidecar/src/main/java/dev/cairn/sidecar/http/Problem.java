package dev.cairn.sidecar.http;

/** An error answered as {@code application/problem+json} with a machine-readable code. */
public final class Problem extends RuntimeException {

  private final int status;
  private final String code;

  public Problem(int status, String code, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }

  public static Problem badRequest(String code, String detail) {
    return new Problem(400, code, detail);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
