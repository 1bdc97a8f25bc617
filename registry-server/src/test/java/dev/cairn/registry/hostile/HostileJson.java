package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** Builders of hostile JSON and the assertion every refusal of it must pass. */
final class HostileJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HostileJson() {}

  /** {@code {"a":{"a":…1…}}} with {@code depth} objects. */
  static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{\"a\":1}" + "}".repeat(depth - 1);
  }

  /** A problem+json answer with {@code status} and {@code code}, and no internals in it. */
  static JsonNode assertProblem(HttpResponse<String> res, int status, String code) {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    assertThat(res.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = parse(res.body());
    assertThat(body.get("code").asText()).as(res.body()).isEqualTo(code);
    assertThat(res.body()).doesNotContain("Exception", "\tat ", "SELECT", "jdbc:");
    return body;
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
