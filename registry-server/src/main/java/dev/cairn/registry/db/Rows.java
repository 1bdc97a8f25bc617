package dev.cairn.registry.db;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import dev.cairn.registry.domain.JsonLimits;
import io.helidon.dbclient.DbRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Column readers and parameter writers shared by the repositories: timestamps as {@link Instant}
 * (microsecond precision, as PostgreSQL stores them) and JSON columns read as text.
 */
public final class Rows {

  private static final ObjectMapper JSON = JsonLimits.forStored(CairnJson.lenientMapper());

  private Rows() {}

  /** The current time at the precision PostgreSQL keeps, so what is hashed is what is stored. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * A column's value, or null for SQL NULL (Helidon's {@code get()} and {@code asOptional()} refuse
   * nulls).
   */
  public static Object raw(DbRow row, String column) {
    return row.column(column).get(Object.class);
  }

  public static Instant instant(DbRow row, String column) {
    Object value = raw(row, column);
    return switch (value) {
      case null -> null;
      case Timestamp ts -> ts.toInstant();
      case OffsetDateTime odt -> odt.toInstant();
      case Instant i -> i;
      default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
    };
  }

  /** A timestamp parameter PostgreSQL binds as {@code timestamptz}. */
  public static OffsetDateTime param(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static String string(DbRow row, String column) {
    Object value = raw(row, column);
    return value == null ? null : value.toString();
  }

  public static long longValue(DbRow row, String column) {
    return ((Number) raw(row, column)).longValue();
  }

  public static Map<String, String> stringMap(DbRow row, String column) {
    return fromJson(string(row, column), new TypeReference<>() {}, Map.of());
  }

  public static Map<String, Object> objectMap(DbRow row, String column) {
    return fromJson(string(row, column), new TypeReference<>() {}, Map.of());
  }

  public static List<String> stringList(DbRow row, String column) {
    return fromJson(string(row, column), new TypeReference<>() {}, List.of());
  }

  public static <T> T fromJson(String json, TypeReference<T> type, T whenNull) {
    if (json == null) {
      return whenNull;
    }
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return json == null ? null : JSON.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value as JSON text, for a {@code CAST(? AS jsonb)} parameter. */
  public static String json(Object value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
