package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.oci.TinyOciServer;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 29 item 7, hostile sources of an OCI import: malformed references and user-info (400 before
 * any connection), hosts inside the network (never reached, the same answer as a closed port),
 * readers, and — from a tiny OCI server the registry may reach — a layer whose bytes are not its
 * digest, a manifest that is not its digest, a huge manifest, a manifest that is not ModelPack, an
 * index, archive layers, a traversal path. Every refusal is problem+json and leaves no version.
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
  void malformedSourcesAndUserInfoAre400BeforeAnyConnection() {
    TestRegistry shared = TestRegistry.shared();
    String versions = model(shared);
    int before = oci.hits.get();
    List<String> bad =
        List.of(
            "",
            "https://example.com/m:v1",
            "oci://example.com/m",
            "oci://example.com/Upper:v1",
            "oci://example.com/../m:v1",
            "oci://example.com/m:v1?x=1",
            "oci://example.com/m:v1#frag",
            "oci://example.com/m@sha256:abc",
            "oci://example.com:99999/m:v1",
            "oci://example.com/m:" + "t".repeat(200),
            "oci://example.com/" + "a/".repeat(1100) + "m:v1",
            "oci://exa mple.com/m:v1");
    for (String source : bad) {
      assertProblem(post(shared, versions, body(source)), 400, "BAD_REQUEST");
    }
    var res = post(shared, versions, body("oci://user:hunter2@example.com/m:v1"));
    assertThat(assertProblem(res, 400, "BAD_REQUEST").get("detail").asText())
        .contains("user-info")
        .doesNotContain("hunter2");
    assertThat(oci.hits.get()).isEqualTo(before);
  }

  @Test
  void hostsInsideTheNetworkAreNeverReachedAndReadLikeAClosedPort() {
    TestRegistry shared = TestRegistry.shared();
    String versions = model(shared);
    oci.manifest("v1", TinyOciServer.bytes(TinyOciServer.modelPack(Map.of("w.bin", WEIGHTS))));
    int port = Integer.parseInt(oci.source("m", "v1").replaceAll(".*:(\\d+)/.*", "$1"));
    int before = oci.hits.get();
    for (String host :
        List.of(
            "127.0.0.1:" + port,
            "localhost:" + port,
            "[::ffff:127.0.0.1]:" + port,
            "169.254.169.254",
            "10.0.0.1",
            "127.0.0.1:1")) {
      var res = post(shared, versions, body("oci+http://" + host + "/m:v1"));
      assertThat(assertProblem(res, 422, "SOURCE_UNAVAILABLE").get("detail").asText())
          .doesNotContain("resolves", "refused", "may not reach");
    }
    assertThat(oci.hits.get()).as("requests that reached the loopback server").isEqualTo(before);
  }

  @Test
  void aReaderCannotImport() {
    var res = open.http().post(openVersions, TestTokens.READER, body(oci.source("m", "v1")));
    assertThat(res.statusCode()).isEqualTo(403);
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

  @Test
  void basicCredentialsAreUsedButNeverLoggedOrEchoed() {
    String password = "hunter2-" + System.nanoTime();
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(String.valueOf(r.getMessage()) + " " + r.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try (TinyOciServer locked = new TinyOciServer()) {
      locked.requireBasic("me", password);
      locked
          .manifest("v1", TinyOciServer.bytes(TinyOciServer.modelPack(Map.of("w.bin", WEIGHTS))))
          .blob(TinyOciServer.digest(WEIGHTS), WEIGHTS);
      String source = locked.source("m", "v1");

      // A model of its own: the other tests expect theirs to stay empty.
      String versions = model(open);
      var anonymous = post(open, versions, body(source));
      var wrong = post(open, versions, withCredentials(source, "me", "not-" + password));
      var right = post(open, versions, withCredentials(source, "me", password));

      assertProblem(anonymous, 422, "SOURCE_UNAVAILABLE");
      assertProblem(wrong, 422, "SOURCE_UNAVAILABLE");
      assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
      assertThat(anonymous.body() + wrong.body() + right.body()).doesNotContain(password);
      assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(password));
    } finally {
      root.removeHandler(capture);
    }
  }

  private static String withCredentials(String source, String user, String password) {
    return "{\"source\":\""
        + source
        + "\",\"source_credentials\":{\"username\":\""
        + user
        + "\",\"password\":\""
        + password
        + "\"}}";
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

  private static HttpResponse<String> post(TestRegistry registry, String versions, String body) {
    return registry.http().post(versions, TestTokens.PUBLISHER, body);
  }

  private static String body(String source) {
    return "{\"source\":\"" + source.replace("\"", "\\\"") + "\"}";
  }

  private static String model(TestRegistry registry) {
    String project = TestRegistry.uniqueProject("oci-hostile");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    return "/api/v1/projects/" + project + "/models/m/versions";
  }
}
