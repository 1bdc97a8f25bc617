package dev.cairn.registry.version;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import java.util.Map;

/**
 * What a version declaration is held to beyond its shape: a known format, and metadata and
 * provenance bounded so that a page of versions fits in memory (spec 40-security, Hardening).
 */
public record VersionRules(Formats formats, long maxDocumentBytes, ObjectMapper json) {

  private static final String DEFAULT_FORMAT = "generic";

  /** The declaration's format (the default when it names none), or 400/413 for what it breaks. */
  String check(VersionCreate request) {
    if (request.artifactsDir() != null) {
      // The JSON route imports the directory before it gets here; anywhere else it is a mistake.
      throw ApiException.badRequest(
          "artifacts_dir is taken by a JSON POST …/versions only, without files");
    }
    requireWithinLimit("metadata", request.metadata());
    requireWithinLimit("provenance", request.provenance());
    return request.format() == null
        ? DEFAULT_FORMAT
        : formats.require(Names.resource("format", request.format()));
  }

  private void requireWithinLimit(String field, Map<String, Object> document) {
    if (document == null) {
      return;
    }
    long bytes;
    try {
      bytes = json.writeValueAsBytes(document).length;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("field '" + field + "' cannot be stored as JSON");
    }
    if (bytes > maxDocumentBytes) {
      throw new ApiException(
          413,
          "PAYLOAD_TOO_LARGE",
          field
              + " is "
              + bytes
              + " bytes of JSON; the limit is "
              + maxDocumentBytes
              + " (CAIRN_MAX_METADATA_BYTES)");
    }
  }
}
