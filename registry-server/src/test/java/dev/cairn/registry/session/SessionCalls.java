package dev.cairn.registry.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.testing.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What a browser sends with a session: the cookie, and on writes its Origin and CSRF token. */
record SessionCalls(Http http, URI registry) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A session opened with {@code token}: the cookie's value and the CSRF token answered. */
  record Opened(String cookie, String csrf, String setCookie, JsonNode body) {

    /** The {@code Cookie} header a browser sends with this session. */
    String cookieHeader() {
      return "cairn_session=" + cookie;
    }
  }

  Opened open(String token) {
    HttpResponse<String> res = http.send("POST", "/api/v1/session", token, null);
    if (res.statusCode() != 201) {
      throw new AssertionError("POST /api/v1/session: " + res.statusCode() + " " + res.body());
    }
    String setCookie = res.headers().firstValue("Set-Cookie").orElseThrow();
    String value = setCookie.substring("cairn_session=".length(), setCookie.indexOf(';'));
    JsonNode body = json(res);
    return new Opened(value, body.get("csrf_token").asText(), setCookie, body);
  }

  String ownOrigin() {
    return "http://" + registry.getHost() + ":" + registry.getPort();
  }

  /** A request carrying {@code cookie}; {@code origin} and {@code csrf} are sent when present. */
  HttpResponse<String> send(
      String method,
      String path,
      String cookie,
      Optional<String> origin,
      Optional<String> csrf,
      String body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Cookie", cookie);
    origin.ifPresent(o -> headers.put("Origin", o));
    csrf.ifPresent(t -> headers.put("X-CSRF-Token", t));
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return http.send(method, path, null, body, headers);
  }

  /** A read carrying only {@code cookie}: no Origin, no CSRF token, as a navigation sends it. */
  HttpResponse<String> read(String path, String cookie) {
    return send("GET", path, cookie, Optional.empty(), Optional.empty(), null);
  }

  /** The CSRF token {@code GET /api/v1/session} answers for {@code cookie}. */
  String csrfOf(String cookie) {
    return json(read("/api/v1/session", cookie)).get("csrf_token").asText();
  }

  /** A same-origin write with the session's CSRF token, as the console sends it. */
  HttpResponse<String> write(String method, String path, Opened session, String body) {
    return send(
        method,
        path,
        session.cookieHeader(),
        Optional.of(ownOrigin()),
        Optional.of(session.csrf()),
        body);
  }

  static JsonNode json(HttpResponse<String> res) {
    try {
      return JSON.readTree(res.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
