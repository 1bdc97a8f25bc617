package dev.cairn.registry.oci;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.blob.Sha256;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A version as one ModelPack image (CNCF model-spec v1): an OCI image manifest whose {@code
 * artifactType} is the model manifest, a config of {@code descriptor}, {@code config} and {@code
 * modelfs}, and one raw layer per file in path order, so each layer's digest is the file's pinned
 * SHA-256. Only what a version cannot change after creation goes in (name, format, metadata, files,
 * {@code created_at}); notes, description and labels are editable and stay out, so a version's
 * manifest digest never moves.
 */
public final class ModelPack {

  public static final String MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
  public static final String ARTIFACT_TYPE = "application/vnd.cncf.model.manifest.v1+json";
  public static final String CONFIG_MEDIA_TYPE = "application/vnd.cncf.model.config.v1+json";
  public static final String FILEPATH = "org.cncf.model.filepath";
  public static final String TITLE = "org.opencontainers.image.title";

  /** Keys of a version's metadata copied into the config's {@code config} when they are text. */
  private static final Map<String, String> CONFIG_KEYS =
      Map.of(
          "architecture", "architecture",
          "param_size", "paramSize",
          "paramSize", "paramSize",
          "precision", "precision",
          "quantization", "quantization");

  /** The rendered image: the manifest and config bytes with their digests. */
  public record Image(byte[] manifest, String digest, byte[] config, String configDigest) {}

  private ModelPack() {}

  public static Image render(String project, String model, Version version) {
    List<VersionFile> files = new ArrayList<>(version.files());
    files.sort(Comparator.comparing(VersionFile::path));
    byte[] config = CanonicalJson.bytes(config(project, model, version, files));
    String configDigest = sha256(config);
    Map<String, Object> manifest = new TreeMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST_MEDIA_TYPE);
    manifest.put("artifactType", ARTIFACT_TYPE);
    manifest.put("config", descriptor(CONFIG_MEDIA_TYPE, configDigest, config.length));
    List<Object> layers = new ArrayList<>();
    for (VersionFile file : files) {
      Map<String, Object> layer =
          descriptor(LayerKinds.of(file.path()), OciDigest.of(file.sha256()), file.sizeBytes());
      layer.put("annotations", new TreeMap<>(Map.of(FILEPATH, file.path(), TITLE, file.path())));
      layers.add(layer);
    }
    manifest.put("layers", layers);
    Map<String, Object> annotations = new TreeMap<>();
    annotations.put("org.opencontainers.image.created", version.createdAt().toString());
    annotations.put("org.opencontainers.image.version", version.version());
    annotations.put("org.opencontainers.image.ref.name", version.version());
    if (version.digest() != null) {
      annotations.put("dev.cairn.version.digest", version.digest());
    }
    manifest.put("annotations", annotations);
    byte[] bytes = CanonicalJson.bytes(manifest);
    return new Image(bytes, sha256(bytes), config, configDigest);
  }

  private static Map<String, Object> config(
      String project, String model, Version version, List<VersionFile> files) {
    Map<String, Object> descriptor = new TreeMap<>();
    descriptor.put("createdAt", version.createdAt().toString());
    descriptor.put("name", project + "/" + model);
    descriptor.put("version", version.version());
    Map<String, Object> metadata = version.metadata() == null ? Map.of() : version.metadata();
    if (metadata.get("family") instanceof String family) {
      descriptor.put("family", family);
    }
    licenses(metadata).ifPresent(l -> descriptor.put("licenses", l));
    Map<String, Object> modelConfig = new TreeMap<>();
    if (version.format() != null) {
      modelConfig.put("format", version.format());
    }
    CONFIG_KEYS.forEach(
        (key, field) -> {
          if (metadata.get(key) instanceof String text && !text.isEmpty()) {
            modelConfig.put(field, text);
          }
        });
    List<String> diffIds = files.stream().map(f -> OciDigest.of(f.sha256())).toList();
    Map<String, Object> config = new TreeMap<>();
    config.put("descriptor", descriptor);
    config.put("config", modelConfig);
    config.put("modelfs", new TreeMap<>(Map.of("type", "layers", "diffIds", diffIds)));
    return config;
  }

  private static Optional<List<String>> licenses(Map<String, Object> metadata) {
    if (metadata.get("license") instanceof String one && !one.isEmpty()) {
      return Optional.of(List.of(one));
    }
    if (metadata.get("licenses") instanceof List<?> many
        && !many.isEmpty()
        && many.stream().allMatch(String.class::isInstance)) {
      return Optional.of(many.stream().map(String.class::cast).toList());
    }
    return Optional.empty();
  }

  static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    Map<String, Object> descriptor = new TreeMap<>();
    descriptor.put("mediaType", mediaType);
    descriptor.put("digest", digest);
    descriptor.put("size", size);
    return descriptor;
  }

  static String sha256(byte[] bytes) {
    return OciDigest.of(HexFormat.of().formatHex(Sha256.newDigest().digest(bytes)));
  }
}
