package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review 12 item 10 through the CLI: admin B's {@code trust add-key} reads the policy, and admin
 * A's {@code trust remove-key leaked} lands between B's read and B's PUT (a proxy in front of the
 * registry holds B's PUT until A's command has finished). Before, B's PUT stored B's read plus the
 * new key, trusting the revoked key again with both commands reporting success; now B's PUT is 412,
 * B edits the fresh policy and the removed key stays removed.
 */
class CliTrustConcurrencyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FORWARDED =
      List.of("Authorization", "Content-Type", "Accept", "If-Match", "Idempotency-Key");

  private final TestRegistry registry = TestRegistry.shared();
  private final HttpClient upstream = HttpClient.newHttpClient();
  private final List<String> trustPuts = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<Runnable> beforeFirstTrustPut = new AtomicReference<>();
  @TempDir Path homeA;
  @TempDir Path homeB;
  @TempDir Path work;
  private HttpServer proxy;
  private String project;

  @BeforeEach
  void start() throws IOException {
    proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", this::forward);
    proxy.start();
    project = TestRegistry.uniqueProject("cli-trust");
  }

  @AfterEach
  void stop() {
    proxy.stop(0);
  }

  @Test
  void aKeyRemovedBetweenAnotherAdminsReadAndWriteStaysRemoved() throws Exception {
    CliRunner a = loggedIn(homeA, registry.uri().toString());
    CliRunner b = loggedIn(homeB, "http://127.0.0.1:" + proxy.getAddress().getPort());
    assertThat(a.run("project", "create", project).code()).isZero();
    Path leaked =
        Files.writeString(work.resolve("leaked.pub"), EcKeyPairTest.resource("p256-pub.pem"));
    Path fresh = Files.writeString(work.resolve("new.pub"), EcKeyPairTest.resource("p384-pub.pem"));
    assertThat(a.run("trust", "add-key", "leaked", leaked.toString()).code()).isZero();
    List<CliRunner.Result> removal = new ArrayList<>();
    beforeFirstTrustPut.set(() -> removal.add(a.run("trust", "remove-key", "leaked")));

    CliRunner.Result added = b.run("trust", "add-key", "new", fresh.toString());

    assertThat(removal).hasSize(1);
    assertThat(removal.get(0).code()).as(removal.get(0).err()).isZero();
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(trustPuts)
        .as("B's first PUT was refused, its second made on A's version")
        .containsExactly("412", "200");
    JsonNode policy = JSON.readTree(a.run("trust", "get", "-o", "json").out());
    assertThat(policy.path("keys").findValuesAsText("name")).containsExactly("new");
    assertThat(policy.path("version").asLong()).isEqualTo(3);
  }

  private CliRunner loggedIn(Path home, String url) {
    CliRunner cli = new CliRunner(home);
    CliRunner.Result login =
        cli.runWithInput(
            TestTokens.ADMIN + "\n", "login", url, "--token-stdin", "--name", "t", "-p", project);
    assertThat(login.code()).as(login.err()).isZero();
    return cli;
  }

  /** Passes one request on to the registry; B's first trust PUT waits for A's whole command. */
  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      boolean trustPut = method.equals("PUT") && uri.getPath().endsWith("/trust");
      if (trustPut) {
        Runnable competing = beforeFirstTrustPut.getAndSet(null);
        if (competing != null) {
          competing.run();
        }
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  registry
                      .uri()
                      .resolve(
                          uri.getRawPath()
                              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
              .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      for (String name : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          request.header(name, value);
        }
      }
      HttpResponse<byte[]> answer =
          upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (trustPut) {
        trustPuts.add(String.valueOf(answer.statusCode()));
      }
      answer
          .headers()
          .firstValue("Content-Type")
          .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
      exchange.sendResponseHeaders(
          answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
