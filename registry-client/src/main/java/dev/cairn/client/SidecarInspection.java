package dev.cairn.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /inspect} of an inference sidecar (spec 50-sidecar, seed 000): images streamed as
 * multipart {@code images}, with the request's {@code model}, {@code sku}, {@code ink}, {@code
 * mode} fields. The verdict comes back as the sidecar's JSON; a problem answer becomes a {@link
 * CairnApiException}.
 */
public final class SidecarInspection {

  private static final ObjectMapper JSON = CairnJson.lenientMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI sidecar;

  public SidecarInspection(URI sidecar) {
    this.sidecar = sidecar;
  }

  /** Inspects {@code images}; {@code fields} with null values are left out. */
  public JsonNode inspect(List<Path> images, Map<String, String> fields) {
    MultipartBody body = new MultipartBody();
    fields.forEach(
        (name, value) -> {
          if (value != null) {
            body.field(name, value);
          }
        });
    try {
      for (Path image : images) {
        body.file("images", image);
      }
      HttpRequest request =
          HttpRequest.newBuilder(sidecar.resolve("/inspect"))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", body.contentType())
              .POST(body.publisher())
              .build();
      HttpResponse<InputStream> answer =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      JsonNode json;
      try (InputStream in = new CappedInputStream(answer.body(), HttpTransport.MAX_ANSWER_BYTES)) {
        json = JSON.readTree(in);
      } catch (IOException e) {
        if (CappedInputStream.passed(e)) {
          throw new AnswerTooLargeException(
              "the sidecar", "POST /inspect", HttpTransport.MAX_ANSWER_BYTES);
        }
        throw e;
      }
      if (answer.statusCode() >= 400) {
        throw new CairnApiException(
            answer.statusCode(),
            json.path("code").asText("HTTP_" + answer.statusCode()),
            json.path("detail").asText(""),
            json);
      }
      return json;
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("no image " + ErrorText.of(e));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "sidecar unreachable at " + sidecar + ": " + ErrorText.of(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the sidecar", e);
    }
  }
}
