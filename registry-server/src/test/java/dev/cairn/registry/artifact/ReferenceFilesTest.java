package dev.cairn.registry.artifact;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.S3ProxyServer;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Reference files: fetched by the registry from {@code file} (under {@code CAIRN_FILE_ROOTS}),
 * {@code http} and {@code s3}, checked against their pinned digest while streaming, never stored.
 */
class ReferenceFilesTest {

  private static Path roots;
  private static HttpServer web;
  private static S3ProxyServer s3;
  private static TestRegistry registry;

  private CairnClient publisher;
  private String project;

  @BeforeAll
  static void start() throws Exception {
    roots = Files.createTempDirectory("cairn-roots");
    web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext(
        "/weights.bin",
        exchange -> {
          byte[] body = "weights served over http".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    web.start();
    s3 = S3ProxyServer.start();
    s3.createBucket("models");
    registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_FILE_ROOTS",
                roots.toString(),
                // The test's source server is on loopback, which references may not reach unless
                // opened (spec 40-security).
                "CAIRN_REFERENCE_ALLOW_CIDRS",
                "127.0.0.0/8",
                "CAIRN_S3_ENDPOINT",
                s3.endpoint(),
                "AWS_ACCESS_KEY_ID",
                S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                S3ProxyServer.SECRET_KEY));
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
    s3.close();
    web.stop(0);
  }

  @BeforeEach
  void model() {
    publisher = registry.client(TestTokens.PUBLISHER);
    project = TestRegistry.uniqueProject("refs");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("m"));
  }

  @Test
  void fileReferenceIsVerifiedServedAndNeverStored() throws Exception {
    byte[] bytes = "mounted weights".getBytes(StandardCharsets.UTF_8);
    Path source = roots.resolve("weights-" + project + ".bin");
    Files.write(source, bytes);
    declare(source.toUri().toString(), bytes);

    Version ready = publisher.versions().complete(project, "m", "v1");

    assertThat(ready.state()).isEqualTo("READY");
    assertThat(ready.files().get(0).source()).isEqualTo("reference");
    assertThat(FileBlobStore.open(registry.dataDir().resolve("blobs")).list())
        .doesNotContain(Versions.sha256(bytes));
    ByteArrayOutputStream served = new ByteArrayOutputStream();
    publisher.versions().download(project, "m", "v1", "w.bin", served);
    assertThat(served.toByteArray()).isEqualTo(bytes);
    assertThat(publisher.versions().verify(project, "m", "v1").status()).isEqualTo("VERIFIED");

    Files.writeString(source, "mounted weightz");
    expectCode("CHECKSUM_MISMATCH", () -> publisher.versions().verify(project, "m", "v1"));
    assertThat(publisher.versions().get(project, "m", "v1").state()).isEqualTo("FAILED");
  }

  @Test
  void httpReferenceWithAWrongDigestFailsTheVersion() {
    declare(
        "http://127.0.0.1:" + web.getAddress().getPort() + "/weights.bin",
        "what the pipeline thought it uploaded".getBytes(StandardCharsets.UTF_8));

    expectCode("CHECKSUM_MISMATCH", () -> publisher.versions().complete(project, "m", "v1"));

    Version failed = publisher.versions().get(project, "m", "v1");
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.failure().code()).isEqualTo("CHECKSUM_MISMATCH");
    // Finding 3 (no digest oracle): neither the digest nor the size of what was fetched is told.
    String served = "weights served over http";
    assertThat(failed.failure().toString())
        .doesNotContain(Versions.sha256(served.getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(String.valueOf(served.length()));
  }

  @Test
  void s3ReferenceIsFetchedWithTheConfiguredClient() {
    byte[] bytes = ("weights in a bucket " + project).getBytes(StandardCharsets.UTF_8);
    try (var client = s3.client()) {
      client.putObject(
          b -> b.bucket("models").key(project + "/w.bin"), RequestBody.fromBytes(bytes));
    }
    declare("s3://models/" + project + "/w.bin", bytes);

    assertThat(publisher.versions().complete(project, "m", "v1").state()).isEqualTo("READY");
  }

  @Test
  void refusesFilesOutsideTheRootsAndKeepsTheVersionPending() throws Exception {
    Path outside = Files.createTempFile("outside", ".bin");
    Files.writeString(outside, "secret");
    declare(outside.toUri().toString(), "secret".getBytes(StandardCharsets.UTF_8));

    expectCode("BAD_REQUEST", () -> publisher.versions().complete(project, "m", "v1"));
    assertThat(publisher.versions().get(project, "m", "v1").state()).isEqualTo("PENDING");
  }

  private void declare(String uri, byte[] bytes) {
    publisher
        .versions()
        .create(
            project,
            "m",
            VersionCreate.ofFormat("generic")
                .withFiles(
                    List.of(
                        new FileDeclaration(
                            "w.bin", Versions.sha256(bytes), (long) bytes.length, uri))));
  }
}
