package dev.cairn.registry.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of spec 10-registry-api: echoed from {@code X-Request-Id} when it is a sane token
 * (so it cannot inject into logs or headers), generated otherwise.
 */
public final class RequestIds {

  public static final HeaderName HEADER = HeaderNames.create("X-Request-Id");
  private static final String CONTEXT_KEY = "cairn.request-id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  /** Assigns the id of this request and remembers it in the request context. */
  public static String assign(ServerRequest req) {
    String id =
        req.headers()
            .first(HEADER)
            .filter(v -> SANE.matcher(v).matches())
            .orElseGet(() -> UUID.randomUUID().toString());
    req.context().register(CONTEXT_KEY, id);
    return id;
  }

  public static String of(ServerRequest req) {
    return req.context().get(CONTEXT_KEY, String.class).orElse("unknown");
  }
}
