package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.SourceServer;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 3: a reference whose bytes changed answered 500, a missing {@code file://} one
 * 500, an {@code http} source that was down dropped the connection with no log line, and a stored
 * blob shorter than declared was served as 14 bytes under {@code Content-Length: 32}. Now each is a
 * problem before the headers when it can be, an aborted connection and a FAILED version when the
 * change shows mid-stream, and a log line every time.
 */
class DownloadIntegrityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path roots;
  private static TestRegistry registry;

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Logger downloads = Logger.getLogger(FileDownloads.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord entry) {
          logged.add(entry.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private CairnClient publisher;
  private String project;

  @BeforeAll
  static void start() throws IOException {
    roots = Files.createTempDirectory("cairn-download-roots");
    registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_FILE_ROOTS", roots.toString(),
                "CAIRN_REFERENCE_ALLOW_CIDRS", "127.0.0.0/8",
                "CAIRN_SCRUB_BYTES_PER_SECOND", "0"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void model() {
    downloads.addHandler(capture);
    publisher = registry.client(TestTokens.PUBLISHER);
    project = TestRegistry.uniqueProject("downloads");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("m"));
  }

  @AfterEach
  void release() {
    downloads.removeHandler(capture);
  }

  @Test
  void aChangedSmallReferenceIsA422BeforeTheHeadersAndFailsTheVersion() throws Exception {
    Path source = roots.resolve(project + "-small.bin");
    Version v = referenced(source, "approved bytes".getBytes());
    Files.writeString(source, "APPROVED BYTES");

    HttpResponse<String> res = registry.http().get(file(v), TestTokens.READER);

    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(res.body()).get("code").asText()).isEqualTo("CHECKSUM_MISMATCH");
    assertThat(state(v)).isEqualTo("FAILED");
    assertThat(logged).anyMatch(line -> line.contains("version failed"));
  }

  @Test
  void aMissingFileReferenceIs503AndTheVersionStaysReady() throws Exception {
    Path source = roots.resolve(project + "-moved.bin");
    Version v = referenced(source, "bytes that will move".getBytes());
    Files.move(source, roots.resolve(project + "-elsewhere.bin"));

    HttpResponse<String> res = registry.http().get(file(v), TestTokens.READER);

    assertThat(res.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(res.body()).get("code").asText()).isEqualTo("SOURCE_UNAVAILABLE");
    assertThat(res.headers().firstValue("Retry-After")).isPresent();
    assertThat(state(v)).isEqualTo("READY");
    assertThat(logged).anyMatch(line -> line.contains("source unavailable"));
  }

  @Test
  void anHttpSourceThatIsDownIs503WithALogLine() throws Exception {
    Path folder = Files.createDirectories(roots.resolve(project + "-web"));
    Files.writeString(folder.resolve("w.bin"), "weights over http");
    Version v;
    try (SourceServer web = SourceServer.serving(folder)) {
      v = declared(web.base().resolve("w.bin").toString(), "weights over http".getBytes());
      v = publisher.versions().complete(project, "m", v.version());
    }

    HttpResponse<String> res = registry.http().get(file(v), TestTokens.READER);

    assertThat(res.statusCode()).isEqualTo(503);
    assertThat(state(v)).isEqualTo("READY");
    assertThat(logged).anyMatch(line -> line.contains("source unavailable"));
  }

  @Test
  void aLargeReferenceChangedAtItsEndIsAbortedMidStreamAndFailsTheVersion() throws Exception {
    byte[] bytes = new byte[300 * 1024];
    new Random(7).nextBytes(bytes);
    Path source = roots.resolve(project + "-large.bin");
    Version v = referenced(source, bytes);
    bytes[bytes.length - 1] ^= 1;
    Files.write(source, bytes);

    HttpResponse<InputStream> res = stream(file(v));

    assertThat(res.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> res.body().readAllBytes()).isInstanceOf(IOException.class);
    assertThat(state(v)).isEqualTo("FAILED");
    assertThat(logged).anyMatch(line -> line.contains("no longer match the digest"));
  }

  @Test
  void aStoredBlobShorterThanDeclaredIsA422NotATruncatedBody() throws Exception {
    Version v =
        Versions.ready(publisher, project, "m", "default", "thirty-two bytes of model weight");
    Files.writeString(blob(v), "fourteen bytes");

    HttpResponse<String> res = registry.http().get(file(v, "model.bin"), TestTokens.READER);

    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(res.body()).get("code").asText()).isEqualTo("CHECKSUM_MISMATCH");
    assertThat(state(v)).isEqualTo("FAILED");
    assertThat(logged).anyMatch(line -> line.contains("holds 14 bytes"));
  }

  @Test
  void aSmallStoredBlobChangedInPlaceIsA422() throws Exception {
    Version v = Versions.ready(publisher, project, "m", "default", "stored bytes, same length");
    Files.writeString(blob(v), "STORED BYTES, SAME LENGTH");

    HttpResponse<String> res = registry.http().get(file(v, "model.bin"), TestTokens.READER);

    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(state(v)).isEqualTo("FAILED");
  }

  @Test
  void aLargeStoredBlobChangedAtItsEndIsAbortedBeforeItsLastByte() throws Exception {
    String content = "0123456789abcdef".repeat(20 * 1024);
    Version v = Versions.ready(publisher, project, "m", "default", content);
    Files.writeString(blob(v), content.substring(0, content.length() - 1) + "X");

    HttpResponse<InputStream> res = stream(file(v, "model.bin"));

    assertThat(res.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> res.body().readAllBytes()).isInstanceOf(IOException.class);
    assertThat(state(v)).isEqualTo("FAILED");
    assertThat(logged).anyMatch(line -> line.contains("no longer match the digest"));
  }

  private Version referenced(Path source, byte[] bytes) throws IOException {
    Files.write(source, bytes);
    Version v = declared(source.toUri().toString(), bytes);
    return publisher.versions().complete(project, "m", v.version());
  }

  private Version declared(String uri, byte[] bytes) {
    return publisher
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

  private String state(Version v) {
    return publisher.versions().get(project, "m", v.version()).state();
  }

  private String file(Version v) {
    return file(v, "w.bin");
  }

  private String file(Version v, String path) {
    return "/api/v1/projects/" + project + "/models/m/versions/" + v.version() + "/files/" + path;
  }

  private Path blob(Version v) throws IOException {
    return FileBlobStore.open(registry.dataDir().resolve("blobs"))
        .path(v.files().getFirst().sha256());
  }

  private static HttpResponse<InputStream> stream(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(registry.uri() + path))
                .header("Authorization", "Bearer " + TestTokens.READER)
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
  }
}
