package dev.cairn.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cairn.cli.CliRunner;
import dev.cairn.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code version verify --signature} against a registry that lies (issue 28 item 6): an endless
 * bundle stops at the 4 MiB a bundle may have, a file longer than its declared size stops there,
 * and a bundle that is not a bundle is {@code SIGNATURE_INVALID} — each one line, nothing hangs.
 */
class SignatureHostileTest {

  private static final String VERSION = "/api/v1/projects/p/models/m/versions/v1";

  @RegisterExtension final HostileSession hostile = new HostileSession("signature-hostile");
  private Path dir;
  private Path pub;

  @BeforeEach
  void aModelDirectoryAndAKey() throws Exception {
    dir = Files.createDirectories(hostile.home.resolve("model"));
    Files.writeString(dir.resolve("w.bin"), "weights");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    pub =
        Files.writeString(
            hostile.home.resolve("pub.pem"),
            "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder()
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
  }

  @Test
  void anEndlessBundleEndsAtFourMebibytesWithOneLine() {
    hostile.registry.endless(VERSION + "/signature", 200, "{\"mediaType\":\"", "a");

    CliRunner.Result verify =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> verify("--dir", dir.toString()));

    assertThat(verify.code()).isNotZero();
    assertThat(verify.err()).hasLineCount(1).contains("4 MiB").contains("/signature");
    assertThat(hostile.registry.bytesSent()).isLessThan(32L << 20);
  }

  @Test
  void aFileLongerThanItsDeclaredSizeStopsThere() {
    hostile
        .registry
        .json(VERSION + "/signature", 200, "{}")
        .json(
            VERSION,
            200,
            "{\"version\":\"v1\",\"state\":\"READY\",\"files\":[{\"path\":\"w.bin\",\"sha256\":\""
                + "0".repeat(64)
                + "\",\"size_bytes\":5}]}")
        .endless(VERSION + "/files/w.bin", 200, "", "x");

    CliRunner.Result verify = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> verify());

    assertThat(verify.code()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(verify.err()).hasLineCount(1).contains("w.bin").contains("declared 5 bytes");
  }

  @Test
  void aBundleThatIsNotABundleIsSignatureInvalid() {
    hostile.registry.json(VERSION + "/signature", 200, "[".repeat(10_000));

    CliRunner.Result verify = verify("--dir", dir.toString());

    assertThat(verify.code()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(verify.err()).hasLineCount(1).startsWith("error: SIGNATURE_INVALID");
  }

  /** {@code version verify m v1 --signature --key pub.pem}, then {@code more}. */
  private CliRunner.Result verify(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("version", "verify", "m", "v1", "--signature", "--key", pub.toString()));
    args.addAll(List.of(more));
    return hostile.cli.run(args.toArray(String[]::new));
  }
}
