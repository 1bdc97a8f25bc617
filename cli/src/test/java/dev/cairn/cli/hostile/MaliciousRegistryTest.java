package dev.cairn.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.cairn.cli.CairnCli;
import dev.cairn.cli.CliRunner;
import dev.cairn.cli.ExitCodes;
import dev.cairn.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 24, finding 6: {@code cairn} held whole answers in memory — a 280 MB model list took 1.3 GB
 * and printed nothing in 60 s — and read only the first page of a list. Now no single answer is
 * read past its cap (an endless body ends in one line naming the cap), and lists page through the
 * API's cursor, printing each page's rows as the page arrives.
 */
class MaliciousRegistryTest {

  private static final long CAP = 32L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final String MODELS = "/api/v1/projects/p/models";

  @RegisterExtension final HostileSession hostile = new HostileSession("malicious");

  @Test
  void anEndlessListEndsAtTheCapWithOneLine() {
    hostile.registry.endless(MODELS, 200, "{\"items\":[", "{\"name\":\"m\",\"state\":\"LIVE\"},");

    CliRunner.Result list =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> hostile.cli.run("model", "list"));

    assertThat(list.code()).isNotZero();
    assertThat(list.out()).isEmpty();
    assertThat(list.err()).hasLineCount(1).contains("32 MiB").contains("GET " + MODELS);
    assertThat(hostile.registry.bytesSent()).isLessThan(2 * CAP);
  }

  @Test
  void anEndlessProblemEndsAtItsCapWithOneLine() {
    hostile.registry.endless(MODELS + "/m", 500, "{\"code\":\"X\",\"detail\":\"", "y".repeat(1024));

    CliRunner.Result get =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> hostile.cli.run("model", "get", "m"));

    assertThat(get.code()).isNotZero();
    assertThat(get.err()).hasLineCount(1).startsWith("error: HTTP_500");
    assertThat(get.err().length()).isLessThan(2_000);
    assertThat(hostile.registry.bytesSent()).isLessThan(CAP);
  }

  @Test
  void anEndlessSidecarVerdictEndsAtTheCapWithOneLine() throws Exception {
    hostile.registry.endless(
        "/inspect", 200, "{\"decision\":\"OK\",\"reasons\":[", "\"" + "x".repeat(1024) + "\",");
    Path image = Files.writeString(hostile.home.resolve("print.png"), "an image");

    CliRunner.Result inspect =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                hostile.cli.run("inspect", "--sidecar", hostile.registry.url(), image.toString()));

    assertThat(inspect.code()).isNotZero();
    assertThat(inspect.err()).hasLineCount(1).contains("the sidecar's answer").contains("32 MiB");
    assertThat(hostile.registry.bytesSent()).isLessThan(2 * CAP);
  }

  @Test
  void anEndlessDownloadIsCutOffPastItsPinnedSize() throws Exception {
    String version = MODELS + "/m/versions/v1";
    Map<String, Object> file = Map.of("path", "w.bin", "sha256", "a".repeat(64), "size_bytes", 10);
    hostile.registry.json(
        version, 200, JSON.writeValueAsString(Map.of("version", "v1", "files", List.of(file))));
    hostile.registry.endless(version + "/files/w.bin", 200, "", "x".repeat(1024));
    Path pulled = hostile.home.resolve("pulled");

    CliRunner.Result pull =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> hostile.cli.run("version", "pull", "m", "v1", pulled.toString()));

    assertThat(pull.code()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(pull.err()).hasLineCount(1).contains("'w.bin' runs past its pinned 10 bytes");
    assertThat(pulled.resolve("w.bin")).doesNotExist();
    assertThat(hostile.registry.bytesSent()).isLessThan(CAP);
  }

  @Test
  void anEventWithoutEndDropsTheStreamAtTheCap() {
    hostile.registry.endless("/api/v1/projects/p/events", 200, "id: 1\ndata: ", "x".repeat(1024));

    CliRunner.Result watch =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> hostile.cli.run("events", "watch", "--timeout", "4"));

    // The stream opened (200) and was dropped at each cap: no event to print, a watch that ran out.
    assertThat(watch.code()).as(watch.err()).isZero();
    assertThat(watch.out()).isEmpty();
    // Each connection ends at the cap (plus what the socket buffers), then the client reconnects.
    assertThat(hostile.registry.requests()).isPositive();
    assertThat(hostile.registry.bytesSent())
        .isLessThan(hostile.registry.requests() * (CAP + (8L << 20)));
  }

  @Test
  void listRowsArriveWhileLaterPagesAreStillComing() throws Exception {
    CountDownLatch firstPagePrinted = new CountDownLatch(1);
    hostile.registry.answer(
        MODELS,
        exchange -> {
          boolean first = exchange.getRequestURI().getQuery().indexOf("page_token") < 0;
          if (!first) {
            waitFor(firstPagePrinted);
          }
          send(exchange, first ? models(0, 100, "t1") : models(100, 102, null));
        });
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    CompletableFuture<Integer> list =
        CompletableFuture.supplyAsync(() -> run(out, "model", "list", "-o", "name"));
    await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("m99\n"));
    assertThat(out.toString()).doesNotContain("m100");
    firstPagePrinted.countDown();

    assertThat(list.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString().lines()).hasSize(102).endsWith("m101");
  }

  @Test
  void jsonAndYamlOfAPagedListAreOneDocumentWithEveryItem() throws Exception {
    hostile.registry.answer(
        MODELS,
        exchange ->
            send(
                exchange,
                exchange.getRequestURI().getQuery().contains("page_token=t1")
                    ? models(100, 150, null)
                    : models(0, 100, "t1")));

    CliRunner.Result json = hostile.cli.run("model", "list", "-o", "json");
    CliRunner.Result yaml = hostile.cli.run("model", "list", "-o", "yaml");

    assertThat(json.code()).as(json.err()).isZero();
    assertThat(yaml.code()).as(yaml.err()).isZero();
    for (JsonNode document : List.of(JSON.readTree(json.out()), YAML.readTree(yaml.out()))) {
      assertThat(document.path("items")).hasSize(150);
      assertThat(document.path("items").get(149).path("name").asText()).isEqualTo("m149");
      assertThat(document.path("next_page_token").isNull()).isTrue();
    }
  }

  @Test
  void aPageTokenThatComesBackEndsTheListing() {
    hostile.registry.answer(MODELS, exchange -> send(exchange, models(0, 1, "again")));

    CliRunner.Result list =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> hostile.cli.run("model", "list"));

    assertThat(list.code()).isNotZero();
    assertThat(list.err()).hasLineCount(1).contains("page token");
  }

  private int run(ByteArrayOutputStream out, String... args) {
    Terminal terminal =
        new Terminal(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Map.of(
                "HOME",
                hostile.home.toString(),
                "CAIRN_SERVER",
                hostile.registry.url(),
                "CAIRN_TOKEN",
                "t",
                "CAIRN_PROJECT",
                "p"),
            false);
    return CairnCli.run(terminal, args);
  }

  private static String models(int from, int to, String next) throws IOException {
    List<Map<String, String>> items =
        IntStream.range(from, to).mapToObj(i -> Map.of("name", "m" + i)).toList();
    Map<String, Object> page = new HashMap<>();
    page.put("items", items);
    page.put("next_page_token", next);
    return JSON.writeValueAsString(page);
  }

  private static void send(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void waitFor(CountDownLatch latch) throws IOException {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IOException("the first page was never printed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
