package dev.cairn.registry.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.domain.ApiException;
import java.util.Set;

/**
 * Which fields of a version a PATCH may name: the editable ones only. Content fields are fixed at
 * creation (spec 10-registry-api, Versions) and refused by name.
 */
final class VersionPatchFields {

  /** Content of a version: fixed at creation. */
  static final Set<String> CONTENT_FIELDS =
      Set.of(
          "files",
          "digest",
          "format",
          "runtime",
          "metadata",
          "provenance",
          "variant",
          "version",
          "size_bytes");

  private static final Set<String> EDITABLE_FIELDS =
      Set.of("notes", "description", "labels", "state");

  private VersionPatchFields() {}

  /** 400 {@code IMMUTABLE_FIELD:<field>} for content, 400 for any other unknown field. */
  static void check(JsonNode body) {
    body.fieldNames()
        .forEachRemaining(
            field -> {
              if (CONTENT_FIELDS.contains(field)) {
                throw new ApiException(
                    400,
                    "IMMUTABLE_FIELD:" + field,
                    "'"
                        + field
                        + "' is content of the version and never changes; publish a new"
                        + " version instead");
              }
              if (!EDITABLE_FIELDS.contains(field)) {
                throw ApiException.badRequest("unknown field '" + field + "'");
              }
            });
  }
}
