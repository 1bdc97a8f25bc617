package dev.cairn.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.cairn.cli.CliRunner;
import dev.cairn.cli.ExitCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 25 item 6: a download that ends before its size while the version stays READY is a broken
 * connection, not bytes that changed — exit 6 with the file and how far it got, and no part left.
 */
class BrokenDownloadTest {

  private static final String VERSION = "/api/v1/projects/p/models/m/versions/v1";

  @RegisterExtension final HostileSession hostile = new HostileSession("broken-download");

  @BeforeEach
  void aReadyVersionOfOneFile() throws Exception {
    Map<String, Object> file =
        Map.of("path", "w.bin", "sha256", "a".repeat(64), "size_bytes", 100_000);
    hostile.registry.json(
        VERSION,
        200,
        new ObjectMapper()
            .writeValueAsString(Map.of("version", "v1", "state", "READY", "files", List.of(file))));
  }

  @Test
  void aConnectionThatBreaksMidFileExitsSixAndKeepsNothing() throws Exception {
    hostile.registry.answer(VERSION + "/files/w.bin", BrokenDownloadTest::hangUpShort);
    Path pulled = hostile.home.resolve("pulled");

    CliRunner.Result pull = hostile.cli.run("version", "pull", "m", "v1", pulled.toString());

    assertBrokenAndNothingKept(pull, pulled);
  }

  /**
   * The registry that hung up may be gone when the pull asks whether the version failed: the answer
   * is still the broken connection (exit 6, the file and how far it got), not that question's
   * error.
   */
  @Test
  void aConnectionThatBreaksWithTheRegistryGoingAwayStillExitsSixNamingTheFile() throws Exception {
    hostile.registry.answer(
        VERSION + "/files/w.bin",
        exchange -> {
          // From now on the registry answers nothing but 503.
          hostile.registry.json(
              VERSION, 503, "{\"code\":\"UNAVAILABLE\",\"detail\":\"restarting\"}");
          hangUpShort(exchange);
        });
    Path pulled = hostile.home.resolve("pulled-gone");

    CliRunner.Result pull = hostile.cli.run("version", "pull", "m", "v1", pulled.toString());

    assertBrokenAndNothingKept(pull, pulled);
  }

  /**
   * A file the registry lists without a size is pinned by its digest alone: its bytes are pulled
   * and checked, not refused with an internal error.
   */
  @Test
  void aFileWithoutASizeIsPinnedByItsDigestAlone() throws Exception {
    byte[] bytes = "weights without a size".getBytes(StandardCharsets.UTF_8);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    Map<String, Object> file = Map.of("path", "w.bin", "sha256", sha256);
    hostile.registry.json(
        VERSION,
        200,
        new ObjectMapper()
            .writeValueAsString(Map.of("version", "v1", "state", "READY", "files", List.of(file))));
    hostile.registry.answer(
        VERSION + "/files/w.bin",
        exchange -> {
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    Path pulled = hostile.home.resolve("pulled-unsized");

    CliRunner.Result pull = hostile.cli.run("version", "pull", "m", "v1", pulled.toString());

    assertThat(pull.code()).as(pull.err()).isZero();
    assertThat(pulled.resolve("w.bin")).hasBinaryContent(bytes);
  }

  /**
   * Promises 100,000 bytes, sends 40,000; returning closes the exchange and drops the connection.
   */
  private static void hangUpShort(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 100_000);
    OutputStream out = exchange.getResponseBody();
    out.write(new byte[40_000]);
    out.flush();
  }

  /** Exit 6 with one line naming the file and how far it got, and no part left in {@code dir}. */
  private static void assertBrokenAndNothingKept(CliRunner.Result pull, Path dir)
      throws IOException {
    assertThat(pull.code()).as(pull.err()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(pull.err())
        .startsWith("error: w.bin: the download stopped after ")
        .contains(" of 100000 bytes: ")
        .doesNotContain("null")
        .hasLineCount(1);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
