package dev.cairn.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends JSON requests with the bearer token and turns problem+json answers into {@link
 * CairnApiException}; the one place that knows HTTP.
 */
final class HttpTransport {

  /**
   * The most of one JSON answer a client reads. The registry's pages stop near 1 MiB (versions,
   * audit) or 1,000 small items; a body past this is a lying or broken server, not data.
   */
  static final long MAX_ANSWER_BYTES = 32L << 20;

  /** The most of a problem body read: a code and a line of detail. */
  private static final int MAX_PROBLEM_BYTES = 64 << 10;

  /** The most of a body that is not problem+json shown as the detail. */
  private static final int SHOWN_DETAIL = 300;

  private final HttpClient http;
  private final URI base;
  private final Credentials credentials;
  private final ObjectMapper json;
  private final Duration timeout;
  private volatile Consumer<String> trace = line -> {};

  HttpTransport(
      HttpClient http, URI base, Credentials credentials, ObjectMapper json, Duration timeout) {
    this.http = http;
    this.base = base;
    this.credentials = credentials;
    this.json = json;
    this.timeout = timeout;
  }

  ObjectMapper json() {
    return json;
  }

  /** Receives one line per request: method, URL, status, time (never a header or a body). */
  void traceTo(Consumer<String> lines) {
    this.trace = lines;
  }

  <T> T send(String method, String path, Object body, TypeReference<T> type) {
    return send(method, path, body, type, Map.of());
  }

  <T> T send(
      String method, String path, Object body, TypeReference<T> type, Map<String, String> headers) {
    try (InputStream in = sendForStream(method, path, body, headers)) {
      return type == null ? null : json.readValue(capped(in), type);
    } catch (IOException e) {
      throw failure(e, method + " " + path);
    }
  }

  /** A JSON answer read from {@code in}, at most {@link #MAX_ANSWER_BYTES} of it. */
  <T> T read(InputStream in, Class<T> type, String request) {
    try {
      return json.readValue(capped(in), type);
    } catch (IOException e) {
      throw failure(e, request);
    }
  }

  private static InputStream capped(InputStream in) {
    return new CappedInputStream(in, MAX_ANSWER_BYTES);
  }

  private static RuntimeException failure(IOException e, String request) {
    return CappedInputStream.passed(e)
        ? new AnswerTooLargeException(request, MAX_ANSWER_BYTES)
        : new UncheckedIOException("the answer to " + request + ": " + ErrorText.of(e), e);
  }

  /** The body of a 2xx answer as a stream the caller must close. */
  InputStream sendForStream(String method, String path, Object body, Map<String, String> headers) {
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
      Map<String, String> all = new HashMap<>(headers);
      if (body != null) {
        all.put("Content-Type", "application/json");
      }
      return sendStream(method, path, publisher, all);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request not serialisable", e);
    }
  }

  /** Sends {@code publisher} as the body (streamed); the 2xx answer's body must be closed. */
  InputStream sendStream(
      String method,
      String path,
      HttpRequest.BodyPublisher publisher,
      Map<String, String> headers) {
    URI uri = base.resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept(headers));
    credentials.apply(request, method, uri, headers, publisher);
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("Accept")) {
            request.header(name, value);
          }
        });
    try {
      request.method(method, publisher);
      long started = System.nanoTime();
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      trace.accept(
          method
              + " "
              + uri
              + " -> "
              + response.statusCode()
              + " ("
              + (System.nanoTime() - started) / 1_000_000
              + " ms to the headers)");
      if (response.statusCode() >= 400) {
        throw problem(response);
      }
      // The request timeout ends with the headers; the body gets the same time per byte.
      return StallGuard.watch(response.body(), timeout);
    } catch (IOException e) {
      throw new UncheckedIOException("registry unreachable at " + base + ": " + ErrorText.of(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the registry", e);
    }
  }

  private static String shown(String body) {
    return body.length() <= SHOWN_DETAIL ? body : body.substring(0, SHOWN_DETAIL) + "…";
  }

  private static String accept(Map<String, String> headers) {
    return headers.getOrDefault("Accept", "application/json");
  }

  private CairnApiException problem(HttpResponse<InputStream> response) throws IOException {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_PROBLEM_BYTES);
      JsonNode node = null;
      try {
        node = json.readTree(bytes);
      } catch (IOException notJson) {
        // Not every proxy in front of the registry answers with problem+json.
      }
      String code =
          node != null && node.hasNonNull("code")
              ? node.get("code").asText()
              : "HTTP_" + response.statusCode();
      String detail =
          node != null && node.hasNonNull("detail")
              ? node.get("detail").asText()
              : shown(new String(bytes, StandardCharsets.UTF_8));
      return new CairnApiException(response.statusCode(), code, detail, node);
    }
  }
}
