package dev.cairn.registry.domain;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The limits of JSON the server parses (spec 40-security, Hardening): request bodies are shallow,
 * their strings short and their types exact; stored documents are read and written back whatever
 * depth an older release accepted, so one deep entry cannot break the pages that contain it.
 */
public final class JsonLimits {

  /** Nesting of objects and arrays in a request body. */
  public static final int REQUEST_DEPTH = 32;

  /** Characters of one string in a request body. */
  public static final int REQUEST_STRING = 64 * 1024;

  /**
   * Nesting readers and writers of stored JSON accept: above what Jackson accepted on input before
   * the request limit (1,000), with room for the response envelope around it.
   */
  public static final int STORED_DEPTH = 2_000;

  private JsonLimits() {}

  /**
   * A copy of {@code mapper} for request bodies: nesting and string length limited, and no coercion
   * between JSON types ({@code true} is not a name, {@code 1.5} not an integer, {@code "1"} not a
   * number).
   */
  public static ObjectMapper forRequests(ObjectMapper mapper) {
    ObjectMapper copy = mapper.copy();
    copy.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(REQUEST_DEPTH)
                .maxStringLength(REQUEST_STRING)
                .maxNameLength(REQUEST_STRING)
                .build());
    copy.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType target : new LogicalType[] {LogicalType.Textual, LogicalType.Enum}) {
      copy.coercionConfigFor(target)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
    for (LogicalType target : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      copy.coercionConfigFor(target)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
    copy.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    copy.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return copy;
  }

  /** {@code mapper}, set to read and write stored documents up to {@link #STORED_DEPTH}. */
  public static ObjectMapper forStored(ObjectMapper mapper) {
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(STORED_DEPTH).build())
        .setStreamWriteConstraints(
            StreamWriteConstraints.builder().maxNestingDepth(STORED_DEPTH).build());
    return mapper;
  }
}
