package dev.cairn.registry.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * The one writer of manifest and config bytes: maps with their keys sorted at every level, no
 * whitespace, UTF-8, so the same content gives the same bytes — and the same digest — in every
 * process, replica and restart. Its own mapper, so no setting of the API's JSON can change it.
 */
final class CanonicalJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private CanonicalJson() {}

  static byte[] bytes(Map<String, ?> document) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest of plain maps cannot fail to write", e);
    }
  }
}
