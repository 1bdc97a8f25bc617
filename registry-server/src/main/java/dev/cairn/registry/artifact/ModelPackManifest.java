package dev.cairn.registry.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.VersionLimits;
import dev.cairn.registry.version.FileDeclarations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an OCI image manifest as a ModelPack artifact (CNCF model-spec: {@code
 * application/vnd.cncf.model.*}, and the older {@code application/vnd.cnai.model.*}): which files
 * it holds, by the path in {@code org.cncf.model.filepath} or {@code
 * org.opencontainers.image.title}. Only raw layers are taken (the file's own bytes, so the layer
 * digest is the file's SHA-256); tar and compressed layers are refused with 422 {@code
 * OCI_LAYER_UNSUPPORTED} rather than unpacked, since an archive's digest says nothing about the
 * files inside. Pure: no I/O.
 */
final class ModelPackManifest {

  static final String IMAGE_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String FILEPATH = "org.cncf.model.filepath";
  static final String TITLE = "org.opencontainers.image.title";

  private static final List<String> PREFIXES =
      List.of("application/vnd.cncf.model.", "application/vnd.cnai.model.");
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  /** One file of the artifact: its path in the version, the layer's digest (hex) and size. */
  record Layer(String path, String sha256, long size) {
    String digest() {
      return "sha256:" + sha256;
    }
  }

  private ModelPackManifest() {}

  /** The layers of {@code manifest}, or a 4xx saying why it is not an importable ModelPack. */
  static List<Layer> layers(ObjectMapper json, byte[] manifest, long maxFileBytes) {
    JsonNode root;
    try {
      root = json.readTree(manifest);
    } catch (IOException e) {
      throw notModelPack("the manifest is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw notModelPack("the manifest is not a JSON object");
    }
    String mediaType = root.path("mediaType").asText(IMAGE_MANIFEST);
    if (!mediaType.equals(IMAGE_MANIFEST)) {
      throw notModelPack("the manifest's media type is " + printable(mediaType));
    }
    if (!isModelPack(root.path("artifactType").asText(""))
        && !isModelPack(root.path("config").path("mediaType").asText(""))) {
      throw notModelPack("neither its artifactType nor its config is a ModelPack media type");
    }
    JsonNode layers = root.path("layers");
    if (!layers.isArray() || layers.isEmpty()) {
      throw notModelPack("the manifest has no layers");
    }
    VersionLimits.requireFileCount(layers.size());
    List<Layer> out = new ArrayList<>();
    for (JsonNode layer : layers) {
      out.add(layer(layer, maxFileBytes));
    }
    // The paths are held to every rule of a declaration (portable, no collisions, no duplicates).
    FileDeclarations.valid(
        out.stream().map(l -> new FileDeclaration(l.path(), l.sha256(), l.size(), null)).toList());
    return out;
  }

  private static Layer layer(JsonNode layer, long maxFileBytes) {
    String mediaType = layer.path("mediaType").asText("");
    if (!isModelPack(mediaType)) {
      throw notModelPack("a layer's media type is " + printable(mediaType));
    }
    if (!mediaType.endsWith(".raw")) {
      throw new ApiException(
          422,
          "OCI_LAYER_UNSUPPORTED",
          "layer media type "
              + printable(mediaType)
              + " is an archive; only raw layers (…+.raw) can be imported");
    }
    String digest = layer.path("digest").asText("");
    if (!SHA256.matcher(digest).matches()) {
      throw new ApiException(
          422, "OCI_LAYER_UNSUPPORTED", "only sha256 layer digests can be imported");
    }
    JsonNode size = layer.path("size");
    if (!size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
      throw notModelPack("a layer has no valid size");
    }
    if (size.asLong() > maxFileBytes) {
      throw new ApiException(
          413, "PAYLOAD_TOO_LARGE", "files are limited to " + maxFileBytes + " bytes");
    }
    JsonNode annotations = layer.path("annotations");
    String path = annotations.path(FILEPATH).asText(annotations.path(TITLE).asText(""));
    if (path.isEmpty()) {
      throw notModelPack("a layer names no file (" + FILEPATH + " or " + TITLE + ")");
    }
    return new Layer(path, digest.substring(7), size.asLong());
  }

  private static boolean isModelPack(String mediaType) {
    return PREFIXES.stream().anyMatch(mediaType::startsWith);
  }

  /** A media type as it may appear in an answer: short, printable ASCII. */
  private static String printable(String mediaType) {
    String cut = mediaType.length() > 100 ? mediaType.substring(0, 100) + "…" : mediaType;
    return "'" + cut.replaceAll("[^\\x20-\\x7e…]", "?") + "'";
  }

  private static ApiException notModelPack(String why) {
    return new ApiException(422, "OCI_NOT_MODELPACK", "not a ModelPack artifact: " + why);
  }
}
