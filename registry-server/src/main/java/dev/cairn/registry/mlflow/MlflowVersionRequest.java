package dev.cairn.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.VersionCreate;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MLflow's {@code CreateModelVersion} read as a native version declaration, where it maps: a {@code
 * source} Cairn can fetch itself (http, https, s3) becomes the version's one reference file, pinned
 * by the tags {@code cairn.sha256} and {@code cairn.size_bytes} (Cairn never takes bytes it cannot
 * check against a digest the publisher named); other tags are labels, {@code run_id} and {@code
 * run_link} provenance. A source only an MLflow tracking server can resolve ({@code runs:/}, {@code
 * models:/}, {@code mlflow-artifacts:/}) or a client's local path does not map and is
 * INVALID_PARAMETER_VALUE with a hint to publish natively.
 */
public final class MlflowVersionRequest {

  public static final String SHA256_TAG = "cairn.sha256";
  public static final String SIZE_TAG = "cairn.size_bytes";
  public static final String PATH_TAG = "cairn.path";
  public static final String FORMAT_TAG = "cairn.format";

  /** The format of a version made through MLflow unless its {@code cairn.format} tag says. */
  public static final String DEFAULT_FORMAT = "mlflow";

  static final String HINT =
      " hint: publish with `cairn version push` or the native API"
          + " (POST /api/v1/projects/{project}/models/{model}/versions).";

  private static final Set<String> FETCHABLE = Set.of("http", "https", "s3");
  private static final Set<String> OWN_TAGS = Set.of(SHA256_TAG, SIZE_TAG, PATH_TAG, FORMAT_TAG);

  private MlflowVersionRequest() {}

  /** The declaration {@code body} asks for, or INVALID_PARAMETER_VALUE saying why it cannot. */
  public static VersionCreate of(JsonNode body) {
    String source = optionalText(body, "source");
    if (source == null || source.isEmpty()) {
      throw MlflowErrorCodes.invalid("'source' is required and must be a string." + HINT);
    }
    URI uri = fetchable(source);
    Map<String, String> tags = tags(body.path("tags"));
    Map<String, String> own = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    tags.forEach((key, value) -> (key.startsWith("cairn.") ? own : labels).put(key, value));
    for (String key : own.keySet()) {
      if (!OWN_TAGS.contains(key)) {
        throw MlflowErrorCodes.invalid(
            "tag '"
                + key
                + "' is reserved: cairn.* tags are the registry's own; a new version"
                + " takes "
                + OWN_TAGS.stream().sorted().toList());
      }
    }
    String sha256 = own.get(SHA256_TAG);
    String size = own.get(SIZE_TAG);
    if (sha256 == null || size == null) {
      throw MlflowErrorCodes.invalid(
          "Cairn fetches an http(s) or s3 source and checks it against a pinned digest: give"
              + " the file's SHA-256 and size as tags "
              + SHA256_TAG
              + " and "
              + SIZE_TAG
              + "."
              + HINT);
    }
    FileDeclaration file =
        new FileDeclaration(
            own.getOrDefault(PATH_TAG, baseName(uri)), sha256, sizeBytes(size), source);
    return new VersionCreate(
        null,
        null,
        own.getOrDefault(FORMAT_TAG, DEFAULT_FORMAT),
        null,
        null,
        provenance(body),
        List.of(file),
        labels,
        null,
        optionalText(body, "description"));
  }

  /** The source as a URI Cairn fetches itself, or why it is not one. */
  private static URI fetchable(String source) {
    URI uri;
    try {
      uri = URI.create(source);
    } catch (IllegalArgumentException e) {
      throw MlflowErrorCodes.invalid("'source' is not a URI." + HINT);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (FETCHABLE.contains(scheme)) {
      return uri;
    }
    String what =
        switch (scheme) {
          case "" -> "a path on the client's machine";
          case "runs", "models", "mlflow-artifacts", "dbfs" ->
              "a location an MLflow tracking server resolves (" + scheme + ":)";
          default -> "a " + (scheme.length() > 20 ? "non-URI" : scheme + ":") + " source";
        };
    throw MlflowErrorCodes.invalid(
        "Cairn cannot register "
            + what
            + ": it takes an MLflow source only as an http, https or s3 URI it fetches and"
            + " checks itself, with tags "
            + SHA256_TAG
            + " and "
            + SIZE_TAG
            + "."
            + HINT);
  }

  /** MLflow's repeated {@code ModelVersionTag}: {@code [{"key": …, "value": …}]}. */
  private static Map<String, String> tags(JsonNode tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags.isMissingNode() || tags.isNull()) {
      return out;
    }
    if (!tags.isArray()) {
      throw MlflowErrorCodes.invalid("'tags' must be a list of {key, value}");
    }
    for (JsonNode tag : tags) {
      JsonNode key = tag.path("key");
      JsonNode value = tag.path("value");
      if (!key.isTextual() || !(value.isTextual() || value.isMissingNode())) {
        throw MlflowErrorCodes.invalid("each tag is {key, value}, both strings");
      }
      if (out.put(key.asText(), value.asText("")) != null) {
        throw MlflowErrorCodes.invalid("tag '" + key.asText() + "' is given twice");
      }
    }
    return out;
  }

  private static long sizeBytes(String size) {
    try {
      return Long.parseLong(size);
    } catch (NumberFormatException e) {
      throw MlflowErrorCodes.invalid("tag " + SIZE_TAG + " must be a whole number of bytes");
    }
  }

  /** The last segment of the URI's path: the file's name in the version unless tagged. */
  private static String baseName(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.isEmpty()) {
      throw MlflowErrorCodes.invalid(
          "the source names no file: give the file's path in the version as tag " + PATH_TAG);
    }
    return name;
  }

  private static Map<String, Object> provenance(JsonNode body) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    // Proto JSON names a field either way: run_id as MLflow's clients send it, or runId.
    String runId = optionalText(body, body.has("runId") ? "runId" : "run_id");
    String runLink = optionalText(body, body.has("runLink") ? "runLink" : "run_link");
    if (runId != null && !runId.isEmpty()) {
      provenance.put("mlflow_run_id", runId);
    }
    if (runLink != null && !runLink.isEmpty()) {
      provenance.put("mlflow_run_link", runLink);
    }
    return provenance;
  }

  private static String optionalText(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw MlflowErrorCodes.invalid("'" + field + "' must be a string");
    }
    return value.asText();
  }
}
