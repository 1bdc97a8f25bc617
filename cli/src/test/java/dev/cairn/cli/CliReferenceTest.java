package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code version push --reference URI --sha256 HEX}: the registry fetches and checks the bytes. */
class CliReferenceTest {

  @TempDir Path home;
  @TempDir Path store;

  @Test
  void aReferenceIsPinnedBesideUploadedFilesAndAWrongPinIsRefused() throws Exception {
    Path weights =
        Files.writeString(store.resolve("weights.bin"), "weights kept on a shared volume");
    Path config = Files.writeString(home.resolve("config.json"), "{}");
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(weights)));
    try (TestRegistry registry =
        TestRegistry.start(
            Map.of("CAIRN_FILE_ROOTS", store.toString(), "CAIRN_SCRUB_BYTES_PER_SECOND", "0"))) {
      CliRunner cli =
          new CliRunner(home)
              .withEnv("CAIRN_TOKEN", TestTokens.ADMIN)
              .withEnv("CAIRN_SERVER", registry.uri().toString())
              .withEnv("CAIRN_PROJECT", "refs");
      cli.run("project", "create", "refs");
      cli.run("model", "create", "m");

      String size = String.valueOf(Files.size(weights));
      CliRunner.Result pushed =
          cli.run(
              "version",
              "push",
              "m",
              config.toString(),
              "--reference",
              weights.toUri().toString(),
              "--sha256",
              sha,
              "--size",
              size);
      CliRunner.Result wrong =
          cli.run(
              "version",
              "push",
              "m",
              "--reference",
              weights.toUri().toString(),
              "--sha256",
              "0".repeat(64),
              "--size",
              size);

      assertThat(pushed.code()).as(pushed.err()).isZero();
      assertThat(pushed.out()).contains("READY");
      assertThat(cli.run("version", "get", "m", "v1", "-o", "json").out())
          .contains("\"source\" : \"reference\"")
          .contains(sha);
      assertThat(wrong.code()).as(wrong.out()).isEqualTo(ExitCodes.INTEGRITY);
      assertThat(wrong.err()).startsWith("error: CHECKSUM_MISMATCH");
      assertThat(cli.run("version", "push", "m", "--reference", "file:///x").code())
          .isEqualTo(ExitCodes.USAGE);
    }
  }
}
