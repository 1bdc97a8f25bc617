package dev.cairn.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import land.oras.ArtifactType;
import land.oras.ContainerRef;
import land.oras.Layer;
import land.oras.Manifest;
import land.oras.ManifestDescriptor;
import land.oras.Referrers;
import land.oras.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 29 item 8 and its "Must show": oras-java-sdk 0.7.0, an OCI client nobody here wrote, pulls
 * a version by tag, by alias (plain and per variant) and by digest with byte-identical files, with
 * Basic (any user, the token as password) and with Bearer; reads the referrers (a signed version's
 * OMS bundle, fetched byte for byte, issue 29 item 6); every layer digest is the file's pinned
 * SHA-256; and the manifest digest is the same after the registry restarts. oras-java writes each
 * layer to its title but does not create directories, so the test makes {@code tokenizer/} first
 * (the oras CLI creates it).
 */
class OrasPullTest {

  private static final String SIGSTORE = "application/vnd.dev.sigstore.bundle.v0.3+json";
  private static final String EMPTY =
      "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

  private static TestRegistry registry;
  private static OciFixture fixture;

  @BeforeAll
  static void publish() {
    registry = TestRegistry.start(Map.of());
    fixture = OciFixture.publish(registry, "oras-pull");
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void pullsAVersionByTagWithBasicCredentialsByteForByte() throws IOException {
    Path dir = pull(basic(), fixture.high.version());
    assertSameFiles(dir, fixture.highFiles);
  }

  @Test
  void pullsByAliasWithABearerTokenAndThePerVariantTagFollowsItsPointer() throws IOException {
    Registry oras = Registry.builder().insecure().withAuthToken(TestTokens.READER).build();
    assertSameFiles(pull(oras, "production"), fixture.highFiles);
    Path low = pull(oras, "production-LOW");
    assertThat(Files.readString(low.resolve("model.bin"))).isEqualTo("low weights");
  }

  @Test
  void pullsByDigestAndEveryLayerDigestIsTheFilesPinnedSha256() throws IOException {
    Registry oras = basic();
    Manifest manifest = oras.getManifest(ref(fixture.high.version()));
    String digest = manifest.getDescriptor().getDigest();
    assertThat(digest).startsWith("sha256:");
    assertSameFiles(pull(oras, "@" + digest), fixture.highFiles);

    Map<String, String> pinned = new HashMap<>();
    for (VersionFile f : fixture.high.files()) {
      pinned.put(f.path(), "sha256:" + f.sha256());
    }
    List<Layer> layers = manifest.getLayers();
    assertThat(layers).hasSize(pinned.size());
    for (Layer layer : layers) {
      String path = layer.getAnnotations().get("org.cncf.model.filepath");
      assertThat(layer.getDigest()).as(path).isEqualTo(pinned.get(path));
      assertThat(layer.getAnnotations().get("org.opencontainers.image.title")).isEqualTo(path);
    }
    assertThat(manifest.getArtifactTypeAsString())
        .isEqualTo("application/vnd.cncf.model.manifest.v1+json");
    assertThat(manifest.getConfig().getMediaType())
        .isEqualTo("application/vnd.cncf.model.config.v1+json");
  }

  @Test
  void readsTheReferrersOfAVersion() {
    Registry oras = basic();
    Manifest subject = oras.getManifest(ref(fixture.high.version()));
    String digest = subject.getDescriptor().getDigest();
    ContainerRef at = ContainerRef.parse(prefix() + "@" + digest);
    Referrers unsigned = oras.getReferrers(at, null);
    assertThat(unsigned.getMediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
    assertThat(unsigned.getManifests()).as("no signature yet").isEmpty();

    // Issue 29 item 6: once the version is signed, its OMS bundle is its one referrer.
    byte[] bundle = fixture.sign(registry, fixture.high);
    Referrers referrers = oras.getReferrers(at, ArtifactType.from(SIGSTORE));
    assertThat(referrers.getManifests()).hasSize(1);
    ManifestDescriptor listed = referrers.getManifests().get(0);
    assertThat(listed.getArtifactType()).isEqualTo(SIGSTORE);
    assertThat(listed.getMediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(
            oras.getReferrers(at, ArtifactType.from("application/vnd.example+json")).getManifests())
        .as("another artifactType")
        .isEmpty();

    Manifest signature = oras.getManifest(ContainerRef.parse(prefix() + "@" + listed.getDigest()));
    assertThat(signature.getDescriptor().getDigest()).isEqualTo(listed.getDigest());
    assertThat(signature.getDescriptor().getSize()).isEqualTo(listed.getSize());
    assertThat(signature.getArtifactTypeAsString()).isEqualTo(SIGSTORE);
    assertThat(signature.getSubject().getDigest()).isEqualTo(digest);
    assertThat(signature.getConfig().getMediaType()).isEqualTo("application/vnd.oci.empty.v1+json");
    assertThat(signature.getConfig().getDigest()).isEqualTo(EMPTY);
    assertThat(signature.getLayers()).hasSize(1);
    Layer layer = signature.getLayers().get(0);
    assertThat(layer.getMediaType()).isEqualTo(SIGSTORE);
    byte[] fetched = oras.getBlob(ContainerRef.parse(prefix() + "@" + layer.getDigest()));
    assertThat(fetched).as("the bundle, byte for byte").isEqualTo(bundle);
    assertThat(oras.getBlob(ContainerRef.parse(prefix() + "@" + EMPTY)))
        .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));

    // Immutable: the same referrer after a restart, and the subject's digest did not move.
    registry.stopServer();
    registry.startServer();
    Registry fresh = basic();
    assertThat(fresh.getReferrers(at, null).getManifests()).containsExactly(listed);
    assertThat(fresh.getManifest(ref(fixture.high.version())).getDescriptor().getDigest())
        .isEqualTo(digest);
  }

  @Test
  void theManifestDigestIsTheSameAfterARestart() {
    String before = basic().getManifest(ref("production")).getDescriptor().getDigest();
    registry.stopServer();
    registry.startServer();
    Registry fresh = basic();
    assertThat(fresh.getManifest(ref("production")).getDescriptor().getDigest()).isEqualTo(before);
    assertThat(fresh.getManifest(ref(fixture.high.version())).getDescriptor().getDigest())
        .isEqualTo(before);
  }

  private static Registry basic() {
    return Registry.builder().insecure().defaults("anyone", TestTokens.READER).build();
  }

  private static String prefix() {
    return "127.0.0.1:" + registry.uri().getPort() + "/" + fixture.name();
  }

  private static ContainerRef ref(String tag) {
    return ContainerRef.parse(prefix() + ":" + tag);
  }

  private static Path pull(Registry oras, String reference) throws IOException {
    Path dir =
        Files.createDirectories(Path.of("target", "oras-pull", UUID.randomUUID().toString()));
    Files.createDirectories(dir.resolve("tokenizer"));
    String name = reference.startsWith("@") ? prefix() + reference : prefix() + ":" + reference;
    oras.pullArtifact(ContainerRef.parse(name), dir, true);
    return dir;
  }

  private static void assertSameFiles(Path dir, Map<String, byte[]> expected) throws IOException {
    for (var file : expected.entrySet()) {
      assertThat(Files.readAllBytes(dir.resolve(file.getKey())))
          .as(file.getKey())
          .isEqualTo(file.getValue());
    }
    assertThat(new String(Files.readAllBytes(dir.resolve("README.md")), StandardCharsets.UTF_8))
        .isEqualTo("# m\n");
  }
}
