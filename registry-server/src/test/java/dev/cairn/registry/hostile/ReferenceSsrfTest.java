package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 3: a publisher declares references to a loopback service. Before: the error told the real
 * digest and size, the publisher declared them, and every reader could download the internal
 * content; errors told open from closed ports; {@code user:pass@} was shown to every reader. Now
 * the loopback server is never reached, every fetch failure reads the same, and user-info is
 * refused.
 */
class ReferenceSsrfTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private final AtomicInteger hits = new AtomicInteger();
  private HttpServer internal;
  private String versions;

  @BeforeEach
  void startAnInternalServiceAndAModel() throws Exception {
    internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    internal.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          byte[] secret = "internal secret".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, secret.length);
          exchange.getResponseBody().write(secret);
          exchange.close();
        });
    internal.start();
    String project = TestRegistry.uniqueProject("ssrf");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    versions = "/api/v1/projects/" + project + "/models/m/versions";
  }

  @AfterEach
  void stop() {
    internal.stop(0);
  }

  @Test
  void loopbackReferencesAreNeverFetchedAndFailLikeAClosedPort() {
    int port = internal.getAddress().getPort();
    String toInternal = complete("v1", "http://127.0.0.1:" + port + "/secret");
    String toMapped = complete("v2", "http://[::ffff:127.0.0.1]:" + port + "/secret");
    String toName = complete("v3", "http://localhost:" + port + "/secret");
    String toClosed = complete("v4", "http://127.0.0.1:1/nothing");

    assertThat(hits.get()).as("requests that reached the internal server").isZero();
    assertThat(toInternal).isEqualTo(toMapped).isEqualTo(toName).isEqualTo(toClosed);
    assertThat(toInternal).doesNotContain("127.0.0.1", "refused", "resolves", String.valueOf(port));
  }

  @Test
  void userInfoInAReferenceIs400() {
    String body = declaration("v1", "https://user:secret@models.example.com/w.bin");
    var res = http.post(versions, TestTokens.PUBLISHER, body);
    assertThat(assertProblem(res, 400, "BAD_REQUEST").get("detail").asText())
        .contains("user-info")
        .doesNotContain("secret");
  }

  /** Declares {@code version} with one reference file, completes it: the problem's detail. */
  private String complete(String version, String uri) {
    assertThat(http.post(versions, TestTokens.PUBLISHER, declaration(version, uri)).statusCode())
        .isEqualTo(201);
    var res = http.post(versions + "/" + version + "/complete", TestTokens.PUBLISHER, "{}");
    return assertProblem(res, 422, "SOURCE_UNAVAILABLE")
        .get("detail")
        .asText()
        .replace(version, "VERSION");
  }

  private static String declaration(String version, String uri) {
    return "{\"version\":\""
        + version
        + "\",\"format\":\"generic\",\"files\":[{\"path\":\"w.bin\",\"sha256\":\""
        + "0".repeat(64)
        + "\",\"size_bytes\":15,\"uri\":\""
        + uri
        + "\"}]}";
  }
}
