package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.runtime.testing.InkImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: the exit code and the one stderr line say exactly what happened — a version that ended
 * FAILED, bytes that changed under a pull, a registry nobody answers at, a watch that ran out.
 */
class CliOutcomeTest extends LoggedInCli {

  @Test
  void aPushThatEndsFailedNamesTheFailureAndExitsTwo() throws Exception {
    cli.run("model", "create", "detector");
    Path file = Files.writeString(work.resolve("model.onnx"), "not an ONNX graph at all");

    CliRunner.Result push =
        cli.run("version", "push", "detector", file.toString(), "--format", "onnx");

    assertThat(push.code()).as(push.err()).isEqualTo(ExitCodes.REFUSED);
    assertThat(push.out()).contains("FAILED").doesNotContain("digest");
    assertThat(push.err())
        .startsWith("error: MODEL_LOAD_FAILED:default: ")
        .contains("detector:v1 is FAILED")
        .hasLineCount(1);
    CliRunner.Result pulled =
        cli.run("version", "pull", "detector", "v1", work.resolve("out").toString());
    assertThat(pulled.code()).as(pulled.err()).isZero();
    assertThat(pulled.out()).isEqualTo("pulled 1 file(s) of detector:v1, which is FAILED\n");
  }

  @Test
  void aStandardRegistrationThatFailsNamesItsCodeAndExitsTwo() throws Exception {
    cli.run("model", "create", "ink", "--variant", "MID");
    Path image = work.resolve("std-0.png");
    Files.write(image, InkImages.twoInks(240, 180, 1).png());

    CliRunner.Result registered =
        cli.run("std", "register", "ink", "--mode", "MID", image.toString());

    assertThat(registered.code()).as(registered.err()).isEqualTo(ExitCodes.REFUSED);
    assertThat(registered.out()).contains("FAILED");
    assertThat(registered.err()).startsWith("error: STD_TOO_FEW_IMAGES: ").hasLineCount(1);
  }

  @Test
  void aPullOfBytesChangedUnderTheSameSizeNamesTheFileExitsThreeAndKeepsNothing() throws Exception {
    cli.run("model", "create", "changed");
    byte[] bytes = new byte[300_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    Path file = Files.write(work.resolve("weights.bin"), bytes);
    assertThat(cli.run("version", "push", "changed", file.toString()).code()).isZero();
    String sha = sha(file);
    Path good = work.resolve("good");
    assertThat(cli.run("version", "pull", "changed", "v1", good.toString()).code()).isZero();
    try (Stream<Path> pulled = Files.list(good)) {
      assertThat(pulled).containsExactly(good.resolve("weights.bin")); // no .part left over
    }
    bytes[bytes.length - 1] ^= 1;
    Files.write(FileBlobStore.open(registry.dataDir().resolve("blobs")).path(sha), bytes);
    Path out = work.resolve("out");

    CliRunner.Result pull = cli.run("version", "pull", "changed", "v1", out.toString());

    assertThat(pull.code()).as(pull.err()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(pull.err())
        .startsWith("error: weights.bin: sha256 mismatch (expected " + sha)
        .doesNotContain("IOException")
        .hasLineCount(1);
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void anUnreachableRegistryIsNamedWithTheReasonNeverNull() {
    CliRunner.Result down = cli.run("whoami", "--server", "http://localhost:1");

    assertThat(down.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(down.err())
        .isEqualTo("error: registry unreachable at http://localhost:1: connection refused\n");
  }

  @Test
  void aWatchThatRanItsCourseExitsZero() {
    CliRunner.Result watched = cli.run("events", "watch", "--timeout", "1");

    assertThat(watched.code()).as(watched.err()).isZero();
    assertThat(watched.err()).isEmpty();
    CliRunner.Result partial = cli.run("events", "watch", "--count", "1", "--timeout", "1");
    assertThat(partial.code()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(partial.err()).isEqualTo("error: only 0 of 1 events arrived within 1 s\n");
    assertThat(cli.run("--help").out().replaceAll("\\s+", " "))
        .contains("5 a --wait (or events watch --count) target not reached in time");
  }

  @Test
  void aWatchOfARegistryNobodyAnswersAtExitsSix() {
    CliRunner.Result down =
        cli.run("events", "watch", "--timeout", "1", "--server", "http://127.0.0.1:1");

    assertThat(down.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(down.err())
        .isEqualTo(
            "error: registry unreachable at http://127.0.0.1:1: the event stream never opened\n");
  }

  private static String sha(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
