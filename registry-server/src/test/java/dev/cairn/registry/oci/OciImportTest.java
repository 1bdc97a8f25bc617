package dev.cairn.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.client.model.VersionImport;
import dev.cairn.client.model.VersionImport.SourceCredentials;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 29 item 7: a version of one model, pulled from the registry's own {@code /v2/} (anonymous
 * first, then its Bearer token flow with the request's credentials), becomes a version of another
 * model with byte-identical files and the same pinned digests; a layer whose bytes are not its
 * digest is refused and leaves no version and no blob behind.
 */
class OciImportTest {

  private static TestRegistry registry;
  private static OciFixture fixture;
  private static CairnClient publisher;

  @BeforeAll
  static void publish() {
    // The registry pulls from itself on loopback, which sources may not reach unless opened.
    registry = TestRegistry.start(Map.of("CAIRN_REFERENCE_ALLOW_CIDRS", "127.0.0.0/8"));
    fixture = OciFixture.publish(registry, "oci-import");
    publisher = registry.client(TestTokens.PUBLISHER);
    publisher.models().create(fixture.project, ModelCreate.named("copy"));
    publisher.models().create(fixture.project, ModelCreate.named("tampered"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void importsAVersionFromTheOwnV2WithByteIdenticalFilesAndTheSamePinnedDigests() {
    Version imported =
        publisher
            .versions()
            .importOci(
                fixture.project,
                "copy",
                VersionImport.of(source(":" + fixture.high.version()))
                    .named("imported")
                    .withCredentials(reader()));

    assertThat(imported.version()).isEqualTo("imported");
    assertThat(imported.state()).isEqualTo("READY");
    assertThat(pinned(imported)).isEqualTo(pinned(fixture.high));
    for (var file : fixture.highFiles.entrySet()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      publisher.versions().download(fixture.project, "copy", "imported", file.getKey(), out);
      assertThat(out.toByteArray()).as(file.getKey()).isEqualTo(file.getValue());
    }
    assertThat(imported.provenance())
        .containsEntry("oci_source", source(":" + fixture.high.version()));
    assertThat((String) imported.provenance().get("oci_manifest_digest")).startsWith("sha256:");
  }

  @Test
  void importsByManifestDigestAndRecordsIt() {
    HttpResponse<byte[]> head =
        OciFixture.send(
            registry.uri(),
            "HEAD",
            "/v2/" + fixture.name() + "/manifests/" + fixture.high.version(),
            TestTokens.READER,
            Map.of("Accept", "application/vnd.oci.image.manifest.v1+json"));
    String digest = OciFixture.header(head, "Docker-Content-Digest");
    Version imported =
        publisher
            .versions()
            .importOci(
                fixture.project,
                "copy",
                VersionImport.of(source("@" + digest))
                    .named("by-digest")
                    .withCredentials(reader()));

    assertThat(pinned(imported)).isEqualTo(pinned(fixture.high));
    assertThat(imported.provenance()).containsEntry("oci_manifest_digest", digest);
  }

  /** The import ends where the one-shot upload does ({@code UploadedVersions}). */
  @Test
  void aTakenNameIsVersionExistsAndCountsAsAFailedImport() {
    VersionImport twice =
        VersionImport.of(source(":" + fixture.low.version()))
            .named("twice")
            .withCredentials(reader());
    double ready = value("ready");
    double failed = value("failed");
    publisher.versions().importOci(fixture.project, "copy", twice);

    assertThatThrownBy(() -> publisher.versions().importOci(fixture.project, "copy", twice))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.code()).isEqualTo("VERSION_EXISTS");
            });
    assertThat(value("ready") - ready).isEqualTo(1);
    assertThat(value("failed") - failed).isEqualTo(1);
  }

  @Test
  void aLayerWhoseBytesAreNotItsDigestIsRefusedAndNothingIsLeft() throws IOException {
    byte[] genuine = "genuine weights".getBytes(StandardCharsets.UTF_8);
    byte[] evil = "evil weights!!!".getBytes(StandardCharsets.UTF_8);
    try (TinyOciServer oci = new TinyOciServer()) {
      oci.manifest("v1", TinyOciServer.bytes(TinyOciServer.modelPack(Map.of("model.bin", genuine))))
          .blob(TinyOciServer.digest(genuine), evil);

      HttpResponse<String> res =
          registry
              .http()
              .post(
                  "/api/v1/projects/" + fixture.project + "/models/tampered/versions",
                  TestTokens.PUBLISHER,
                  "{\"version\":\"v1\",\"source\":\"" + oci.source("m", "v1") + "\"}");

      assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
      JsonNode problem = TinyOciServer.JSON.readTree(res.body());
      assertThat(problem.get("code").asText()).isEqualTo("CHECKSUM_MISMATCH");
      assertThat(oci.hits.get()).isEqualTo(2);
    }
    assertThat(publisher.versions().list(fixture.project, "tampered", VersionQuery.all()).items())
        .isEmpty();
    String evilHex = TinyOciServer.digest(evil).substring(7);
    String genuineHex = TinyOciServer.digest(genuine).substring(7);
    try (Stream<Path> all = Files.walk(registry.dataDir())) {
      assertThat(
              all.filter(Files::isRegularFile)
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.contains(evilHex) || n.contains(genuineHex)))
          .as("blobs of the refused import")
          .isEmpty();
    }
  }

  @Test
  void theOlderCnaiMediaTypesAndTheImageTitleAnnotationAreImported() throws IOException {
    byte[] weights = "cnai weights".getBytes(StandardCharsets.UTF_8);
    ObjectNode manifest = TinyOciServer.modelPack(Map.of("old.bin", weights));
    manifest.remove("artifactType");
    ((ObjectNode) manifest.get("config"))
        .put("mediaType", "application/vnd.cnai.model.config.v1+json");
    ObjectNode layer = (ObjectNode) manifest.get("layers").get(0);
    layer.put("mediaType", "application/vnd.cnai.model.weight.v1.raw");
    layer.putObject("annotations").put("org.opencontainers.image.title", "weights/old.bin");
    try (TinyOciServer oci = new TinyOciServer()) {
      oci.manifest("old", TinyOciServer.bytes(manifest))
          .blob(TinyOciServer.digest(weights), weights);
      Version imported =
          publisher
              .versions()
              .importOci(fixture.project, "copy", VersionImport.of(oci.source("legacy/m", "old")));

      assertThat(imported.state()).isEqualTo("READY");
      assertThat(pinned(imported))
          .containsExactly(
              Map.entry("weights/old.bin", TinyOciServer.digest(weights).substring(7)));
    }
  }

  /** The count of OCI imports that ended {@code outcome}, 0 before the first. */
  private static double value(String outcome) {
    String series =
        "cairn_publish_duration_seconds_count{outcome=\"" + outcome + "\",path=\"oci_import\"}";
    String metrics = registry.http().get("/metrics", null).body();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static SourceCredentials reader() {
    return new SourceCredentials("anyone", TestTokens.READER);
  }

  private static String source(String reference) {
    return "oci+http://127.0.0.1:" + registry.uri().getPort() + "/" + fixture.name() + reference;
  }

  private static Map<String, String> pinned(Version v) {
    return v.files().stream()
        .collect(
            Collectors.toMap(VersionFile::path, VersionFile::sha256, (a, b) -> a, TreeMap::new));
  }
}
