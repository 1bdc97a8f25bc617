package dev.cairn.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON conventions of the Cairn API: snake_case members, RFC 3339 timestamps. */
public final class CairnJson {

  private CairnJson() {}

  /**
   * A mapper for clients: tolerant of members it does not know, so an older client keeps working
   * against a newer server.
   */
  public static ObjectMapper lenientMapper() {
    return base().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();
  }

  /**
   * A mapper for servers: unknown members, trailing tokens and nulls for primitives are errors, so
   * a typo in a request is refused instead of silently ignored.
   */
  public static ObjectMapper strictMapper() {
    return base()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
        .build();
  }

  private static JsonMapper.Builder base() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.ALWAYS);
  }
}
