package dev.cairn.sidecar.http;

/** An error answered as {@code application/problem+json} with a machine-readable code. */
public final class Problem extends RuntimeException {

  private final int status;
  private final String code;
  private final int retryAfterSeconds;

  public Problem(int status, String code, String detail) {
    this(status, code, detail, 0);
  }

  private Problem(int status, String code, String detail, int retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static Problem badRequest(String code, String detail) {
    return new Problem(400, code, detail);
  }

  /** 503 with {@code Retry-After}: the sidecar is short of something right now, not the caller. */
  public static Problem unavailable(String code, String detail, int retryAfterSeconds) {
    return new Problem(503, code, detail, retryAfterSeconds);
  }

  /** Seconds a caller should wait before trying again; 0 when the answer gives none. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
