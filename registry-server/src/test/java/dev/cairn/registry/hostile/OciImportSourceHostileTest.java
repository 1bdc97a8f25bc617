package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static dev.cairn.registry.hostile.OciImports.body;
import static dev.cairn.registry.hostile.OciImports.model;
import static dev.cairn.registry.hostile.OciImports.post;
import static dev.cairn.registry.hostile.OciImports.withCredentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.oci.TinyOciServer;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.charset.StandardCharsets;
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
 * Issue 29 item 7, hostile sources of an OCI import — who asks and where the registry is sent,
 * before any artifact is judged: malformed references and user-info (400 before any connection),
 * hosts inside the network (never reached, the same answer as a closed port), readers, and source
 * credentials (used, never logged or echoed). What a reachable source serves is {@link
 * OciImportHostileTest}'s.
 */
class OciImportSourceHostileTest {

  private static final byte[] WEIGHTS = "weights".getBytes(StandardCharsets.UTF_8);

  private static TestRegistry open;
  private static TinyOciServer oci;

  @BeforeAll
  static void start() {
    oci = new TinyOciServer();
    // This registry may reach loopback: only the credentials decide whether the import succeeds.
    open = TestRegistry.start(Map.of("CAIRN_REFERENCE_ALLOW_CIDRS", "127.0.0.0/8"));
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
    var res = open.http().post(model(open), TestTokens.READER, body(oci.source("m", "v1")));
    assertThat(res.statusCode()).isEqualTo(403);
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
}
