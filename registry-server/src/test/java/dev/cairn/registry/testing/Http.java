package dev.cairn.registry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP against a test registry, for checks the typed client hides (status, headers, body). */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  public Http(URI base) {
    this.base = base;
  }

  public HttpResponse<String> send(String method, String path, String token, String body) {
    return send(
        method,
        path,
        token,
        body,
        body == null ? Map.of() : Map.of("Content-Type", "application/json"));
  }

  public HttpResponse<String> send(
      String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The status of a streaming answer (SSE), read from its headers; the stream is then dropped. */
  public int streamStatus(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<InputStream> res =
          CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      res.body().close();
      return res.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends raw bytes (multipart bodies, binary uploads) with the given headers. */
  public HttpResponse<String> sendBytes(
      String method, String path, String token, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, null);
  }

  public HttpResponse<String> post(String path, String token, String json) {
    return send("POST", path, token, json);
  }

  public HttpResponse<String> patch(String path, String token, String json) {
    return send("PATCH", path, token, json);
  }

  public HttpResponse<String> delete(String path, String token) {
    return send("DELETE", path, token, null);
  }
}
