package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static dev.cairn.registry.hostile.OciImports.body;
import static dev.cairn.registry.hostile.OciImports.model;
import static dev.cairn.registry.hostile.OciImports.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.registry.oci.TinyOciServer;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 29 item 7, hostile artifacts of an OCI import, served by a tiny OCI server the registry may
 * reach: a layer whose bytes are not its digest, a manifest that is not its digest, a huge
 * manifest, a manifest that is not ModelPack, an index, archive layers, a traversal path. Every
 * refusal is problem+json and leaves no version. Hostile sources (references, hosts, roles,
 * credentials) are {@link OciImportSourceHostileTest}'s.
 */
class OciImportHostileTest {

  private static final byte[] WEIGHTS = "weights".getBytes(StandardCharsets.UTF_8);

  private static TestRegistry open;
  private static TinyOciServer oci;
  private static String openVersions;

  @BeforeAll
  static void start() {
    oci = new TinyOciServer();
    // This registry may reach loopback, so the tiny server's answers are what is judged.
    open = TestRegistry.start(Map.of("CAIRN_REFERENCE_ALLOW_CIDRS", "127.0.0.0/8"));
    openVersions = model(open);
  }

  @AfterAll
  static void stop() {
    oci.close();
    open.close();
  }

  @Test
  void aLayerLongerThanItsSizeOrWithOtherBytesIsAChecksumMismatch() {
    byte[] other = "WEIGHTS".getBytes(StandardCharsets.UTF_8);
    byte[] longer = "weights and more".getBytes(StandardCharsets.UTF_8);
    serve("other", Map.of("w.bin", WEIGHTS), Map.of(TinyOciServer.digest(WEIGHTS), other));
    assertRefused("other", 400, "CHECKSUM_MISMATCH");
    byte[] second = "second".getBytes(StandardCharsets.UTF_8);
    serve("longer", Map.of("x.bin", second), Map.of(TinyOciServer.digest(second), longer));
    assertRefused("longer", 400, "CHECKSUM_MISMATCH");
  }

  @Test
  void aManifestThatIsNotItsDigestIsAChecksumMismatch() {
    byte[] manifest = TinyOciServer.bytes(TinyOciServer.modelPack(Map.of("w.bin", WEIGHTS)));
    String digest = TinyOciServer.digest("something else".getBytes(StandardCharsets.UTF_8));
    oci.manifest(digest, manifest);
    String source = oci.source("m", "x").replace(":x", "@" + digest);
    assertProblem(post(open, openVersions, body(source)), 400, "CHECKSUM_MISMATCH");
    assertNoVersions();
  }

  @Test
  void aHugeManifestIsRefusedAfterItsLimit() {
    byte[] huge = new byte[4 * 1024 * 1024 + 1];
    Arrays.fill(huge, (byte) ' ');
    oci.manifest("huge", huge);
    assertRefused("huge", 422, "OCI_MANIFEST_TOO_LARGE");
  }

  @Test
  void artifactsThatAreNotModelPackAre422() {
    ObjectNode image = TinyOciServer.modelPack(Map.of("w.bin", WEIGHTS));
    image.remove("artifactType");
    ((ObjectNode) image.get("config")).put("mediaType", "application/vnd.oci.image.config.v1+json");
    oci.manifest("image", TinyOciServer.bytes(image));
    assertRefused("image", 422, "OCI_NOT_MODELPACK");

    ObjectNode index = TinyOciServer.modelPack(Map.of("w.bin", WEIGHTS));
    index.put("mediaType", "application/vnd.oci.image.index.v1+json");
    oci.manifest("index", TinyOciServer.bytes(index));
    assertRefused("index", 422, "OCI_NOT_MODELPACK");

    oci.manifest("garbage", "not json at all".getBytes(StandardCharsets.UTF_8));
    assertRefused("garbage", 422, "OCI_NOT_MODELPACK");

    ObjectNode foreignLayer = TinyOciServer.modelPack(Map.of("w.bin", WEIGHTS));
    ((ObjectNode) foreignLayer.get("layers").get(0))
        .put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip");
    oci.manifest("foreign", TinyOciServer.bytes(foreignLayer));
    assertRefused("foreign", 422, "OCI_NOT_MODELPACK");
  }

  @Test
  void archiveLayersAndOtherDigestsAreUnsupported() {
    for (String type :
        List.of(
            "application/vnd.cncf.model.weight.v1.tar",
            "application/vnd.cncf.model.weight.v1.tar+gzip",
            "application/vnd.cnai.model.weight.v1.tar+zstd")) {
      ObjectNode manifest = TinyOciServer.modelPack(Map.of("w.bin", WEIGHTS));
      ((ObjectNode) manifest.get("layers").get(0)).put("mediaType", type);
      oci.manifest("tar", TinyOciServer.bytes(manifest));
      assertRefused("tar", 422, "OCI_LAYER_UNSUPPORTED");
    }
    ObjectNode sha512 = TinyOciServer.modelPack(Map.of("w.bin", WEIGHTS));
    ((ObjectNode) sha512.get("layers").get(0)).put("digest", "sha512:" + "a".repeat(128));
    oci.manifest("sha512", TinyOciServer.bytes(sha512));
    assertRefused("sha512", 422, "OCI_LAYER_UNSUPPORTED");
  }

  @Test
  void traversalAndMissingPathsAreRefused() {
    ObjectNode traversal = TinyOciServer.modelPack(Map.of("../../etc/passwd", WEIGHTS));
    oci.manifest("traversal", TinyOciServer.bytes(traversal));
    assertRefused("traversal", 400, "INVALID_NAME:path");

    ObjectNode unnamed = TinyOciServer.modelPack(Map.of("w.bin", WEIGHTS));
    ((ObjectNode) unnamed.get("layers").get(0)).remove("annotations");
    oci.manifest("unnamed", TinyOciServer.bytes(unnamed));
    assertRefused("unnamed", 422, "OCI_NOT_MODELPACK");
  }

  private static void serve(String tag, Map<String, byte[]> files, Map<String, byte[]> blobs) {
    oci.manifest(tag, TinyOciServer.bytes(TinyOciServer.modelPack(files)));
    blobs.forEach(oci::blob);
  }

  private static void assertRefused(String tag, int status, String code) {
    assertProblem(post(open, openVersions, body(oci.source("m", tag))), status, code);
    assertNoVersions();
  }

  private static void assertNoVersions() {
    var list = open.http().get(openVersions, TestTokens.READER);
    assertThat(HostileJson.parse(list.body()).get("items")).isEmpty();
  }
}
