package dev.cairn.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.testing.Versions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ModelPack image of a version (issue 29 item 6): its config validates against model-spec's own
 * {@code schema/config-schema.json} (copied unchanged from github:modelpack/model-spec, commit
 * d78bf32), one raw layer per file in path order with the file's SHA-256 and size, the kinds by
 * path, and the bytes are a function of the immutable content only: the file order given, the
 * editable notes/description/labels and the JVM's map order change nothing.
 */
class ModelPackTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant CREATED = Instant.parse("2026-12-07T03:00:00.123456Z");

  @Test
  void theConfigValidatesAgainstTheModelSpecSchema() throws Exception {
    ModelPack.Image image = ModelPack.render("p", "m", version(files(), "n", Map.of()));
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/modelpack/config-schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode config = JSON.readTree(image.config());
    assertThat(schema.validate(config)).isEmpty();
    assertThat(config.at("/descriptor/name").asText()).isEqualTo("p/m");
    assertThat(config.at("/descriptor/createdAt").asText()).isEqualTo(CREATED.toString());
    assertThat(config.at("/config/format").asText()).isEqualTo("onnx");
    assertThat(config.at("/config/paramSize").asText()).isEqualTo("8M");
    assertThat(config.at("/descriptor/licenses/0").asText()).isEqualTo("Apache-2.0");
    assertThat(config.at("/modelfs/type").asText()).isEqualTo("layers");
    assertThat(config.at("/modelfs/diffIds")).hasSize(3);
  }

  @Test
  void oneRawLayerPerFileInPathOrderWithItsPinnedDigestSizeAndKind() throws Exception {
    ModelPack.Image image = ModelPack.render("p", "m", version(files(), "n", Map.of()));
    JsonNode manifest = JSON.readTree(image.manifest());
    assertThat(manifest.get("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(manifest.get("artifactType").asText())
        .isEqualTo("application/vnd.cncf.model.manifest.v1+json");
    assertThat(manifest.at("/config/mediaType").asText())
        .isEqualTo("application/vnd.cncf.model.config.v1+json");
    assertThat(manifest.at("/config/digest").asText()).isEqualTo(image.configDigest());
    assertThat(manifest.at("/config/size").asInt()).isEqualTo(image.config().length);
    List<String> paths = new ArrayList<>();
    for (JsonNode layer : manifest.get("layers")) {
      String path = layer.at("/annotations/org.cncf.model.filepath").asText();
      paths.add(path);
      VersionFile file =
          files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
      assertThat(layer.get("digest").asText()).isEqualTo("sha256:" + file.sha256());
      assertThat(layer.get("size").asLong()).isEqualTo(file.sizeBytes());
      assertThat(layer.at("/annotations/org.opencontainers.image.title").asText()).isEqualTo(path);
    }
    assertThat(paths).containsExactly("README.md", "config.json", "weights/model.onnx");
    assertThat(manifest.at("/layers/0/mediaType").asText())
        .isEqualTo("application/vnd.cncf.model.doc.v1.raw");
    assertThat(manifest.at("/layers/1/mediaType").asText())
        .isEqualTo("application/vnd.cncf.model.weight.config.v1.raw");
    assertThat(manifest.at("/layers/2/mediaType").asText())
        .isEqualTo("application/vnd.cncf.model.weight.v1.raw");
    assertThat(image.digest())
        .isEqualTo("sha256:" + Versions.sha256(image.manifest()))
        .isNotEqualTo(image.configDigest());
  }

  @Test
  void theBytesDependOnImmutableContentOnly() {
    List<VersionFile> reversed = new ArrayList<>(files());
    Collections.reverse(reversed);
    ModelPack.Image first = ModelPack.render("p", "m", version(files(), "notes", Map.of()));
    ModelPack.Image edited =
        ModelPack.render("p", "m", version(reversed, "other notes", Map.of("team", "x")));
    assertThat(edited.manifest()).isEqualTo(first.manifest());
    assertThat(edited.digest()).isEqualTo(first.digest());
    assertThat(new String(first.manifest(), StandardCharsets.UTF_8))
        .doesNotContain(" ")
        .startsWith("{\"annotations\":");
  }

  @Test
  void layerKindsFollowThePath() {
    assertThat(LayerKinds.of("LICENSE")).isEqualTo(LayerKinds.DOC);
    assertThat(LayerKinds.of("docs/usage.md")).isEqualTo(LayerKinds.DOC);
    assertThat(LayerKinds.of("src/handler.py")).isEqualTo(LayerKinds.CODE);
    assertThat(LayerKinds.of("tokenizer_config.json")).isEqualTo(LayerKinds.WEIGHT_CONFIG);
    assertThat(LayerKinds.of("params.yaml")).isEqualTo(LayerKinds.WEIGHT_CONFIG);
    assertThat(LayerKinds.of("model.safetensors")).isEqualTo(LayerKinds.WEIGHT);
    assertThat(LayerKinds.of("model.gguf")).isEqualTo(LayerKinds.WEIGHT);
  }

  private static List<VersionFile> files() {
    return List.of(
        file("weights/model.onnx", "weights"), file("config.json", "{}"), file("README.md", "# m"));
  }

  private static VersionFile file(String path, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new VersionFile(path, Versions.sha256(bytes), (long) bytes.length, "upload", null, true);
  }

  private static Version version(
      List<VersionFile> files, String notes, Map<String, String> labels) {
    return new Version(
        "00000000-0000-0000-0000-000000000001",
        "m",
        "v1",
        "default",
        "READY",
        "onnx",
        null,
        "sha256:" + "0".repeat(64),
        10L,
        files,
        Map.of("param_size", "8M", "license", "Apache-2.0", "note", 3),
        Map.of(),
        null,
        labels,
        notes,
        "described",
        List.of(),
        null,
        CREATED,
        "publisher",
        CREATED,
        null);
  }
}
