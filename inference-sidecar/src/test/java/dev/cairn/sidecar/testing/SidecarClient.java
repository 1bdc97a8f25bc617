package dev.cairn.sidecar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls a sidecar over loopback HTTP and reads JSON answers. */
public final class SidecarClient {

  /** A status code, the body's content type and the parsed JSON body. */
  public record Answer(int status, String contentType, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public SidecarClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public Answer postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer post(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** {@code y = x·W + b} answer of the default variant for input {@code [1, 0, 0]}. */
  public float infer(String model) {
    Answer answer =
        postJson(
            "/v2/models/" + model + "/infer",
            "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,3],\"datatype\":\"FP32\",\"data\":[1,0,0]}]}");
    if (answer.status() != 200) {
      throw new IllegalStateException("infer answered " + answer.status() + ": " + answer.body());
    }
    return (float) answer.body().path("outputs").get(0).path("data").get(0).asDouble();
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> res =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          res.statusCode(),
          res.headers().firstValue("Content-Type").orElse(""),
          res.body().isEmpty() ? null : JSON.readTree(res.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
