package dev.cairn.registry.http.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.cairn.client.CappedInputStream;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.JsonLimits;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.http.RequestBodies;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies: only JSON media types (else 415), at most the configured size (else
 * 413, checked while reading), unknown members and wrong types refused (400).
 */
public final class JsonBodies {

  private final ObjectMapper json;
  private final long maxBytes;

  public JsonBodies(ObjectMapper json, long maxBytes) {
    this.json = JsonLimits.forRequests(json);
    this.maxBytes = maxBytes;
  }

  public <T> T read(ServerRequest req, Class<T> type) {
    return convert(readTree(req, maxBytes), type);
  }

  /** A body that may be larger than the JSON limit: at most {@code limit} bytes. */
  public <T> T read(ServerRequest req, Class<T> type, long limit) {
    return convert(readTree(req, limit), type);
  }

  /** The JSON limit ({@code CAIRN_MAX_JSON_BYTES}). */
  public long maxBytes() {
    return maxBytes;
  }

  /** A body already parsed as a tree, bound to {@code type} with the same strictness. */
  public <T> T convert(JsonNode tree, Class<T> type) {
    try {
      return json.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw refusal(e);
    }
  }

  public JsonNode readTree(ServerRequest req) {
    return readTree(req, maxBytes);
  }

  private JsonNode readTree(ServerRequest req, long limit) {
    requireJsonMediaType(req);
    long declared = req.headers().contentLength().orElse(-1L);
    if (declared > limit) {
      throw tooLarge(limit);
    }
    try (InputStream in = new CappedInputStream(RequestBodies.open(req), limit)) {
      JsonNode tree;
      try {
        tree = json.readTree(in);
      } catch (JsonProcessingException e) {
        if (RequestBodies.signed(req)) {
          // A signed body that does not parse may be a tampered copy: its digest is checked
          // first (401, and the signature is given back for the genuine request).
          in.transferTo(OutputStream.nullOutputStream());
        }
        throw e;
      }
      // To the end, so a signed body is checked against its digest before anything is written.
      in.transferTo(OutputStream.nullOutputStream());
      if (tree == null || tree.isMissingNode()) {
        throw ApiException.badRequest("the request body is empty; a JSON object is expected");
      }
      if (!tree.isObject()) {
        throw ApiException.badRequest("the request body must be a JSON object");
      }
      requireNoNul("", tree);
      return tree;
    } catch (CappedInputStream.Exceeded e) {
      throw tooLarge(limit);
    } catch (JsonProcessingException e) {
      throw refusal(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PostgreSQL cannot store NUL in text: refused in every member name and string, with where. */
  private static void requireNoNul(String at, JsonNode node) {
    if (node.isTextual()) {
      Text.requireNoNul("field '" + at + "'", node.asText());
    } else if (node.isObject()) {
      node.properties()
          .forEach(
              member -> {
                String name = at.isEmpty() ? member.getKey() : at + "." + member.getKey();
                Text.requireNoNul("a member name", member.getKey());
                requireNoNul(Text.printable(name), member.getValue());
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireNoNul(at + "[" + i + "]", node.get(i));
      }
    }
  }

  private static ApiException tooLarge(long limit) {
    return new ApiException(
        413, "PAYLOAD_TOO_LARGE", "JSON bodies here are limited to " + limit + " bytes");
  }

  private static void requireJsonMediaType(ServerRequest req) {
    String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").split(";", 2)[0].trim();
    if (!type.equals("application/json")
        && !(type.startsWith("application/") && type.endsWith("+json"))) {
      throw new ApiException(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          type.isEmpty()
              ? "a Content-Type of application/json is required"
              : "Content-Type '" + type + "' is not accepted here; use application/json");
    }
  }

  private static ApiException refusal(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return ApiException.badRequest(
          "the body exceeds a JSON limit: nesting at most "
              + JsonLimits.REQUEST_DEPTH
              + " levels, strings at most "
              + JsonLimits.REQUEST_STRING
              + " characters");
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return ApiException.badRequest("unknown field '" + unknown.getPropertyName() + "'");
    }
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      return ApiException.badRequest("field '" + field + "' has the wrong type or value");
    }
    // The original message quotes the input; keep only where it broke.
    var location = e.getLocation();
    return ApiException.badRequest(
        "malformed JSON"
            + (location == null
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr()));
  }
}
