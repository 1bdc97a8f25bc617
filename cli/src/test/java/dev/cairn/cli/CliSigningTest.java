package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestSigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** {@code --signing-key-file}: an offline installer signs instead of sending a token. */
class CliSigningTest extends LoggedInCli {

  @Test
  void aSignedPushIsAcceptedAndAuditedUnderTheKeyId() throws Exception {
    Path key = keyFile(TestSigningKeys.INSTALLER.keyId(), TestSigningKeys.INSTALLER.secret());
    Path weights = Files.writeString(work.resolve("w.bin"), "weights pushed by an installer");

    CliRunner.Result created =
        cli.run("model", "create", "site", "--signing-key-file", key.toString());
    CliRunner.Result pushed =
        cli.run(
            "version", "push", "site", weights.toString(), "--signing-key-file", key.toString());

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(pushed.code()).as(pushed.err()).isZero();
    assertThat(pushed.out()).contains("READY");
    CliRunner.Result listed =
        cli.run("model", "list", "--label", "a=b", "--signing-key-file", key.toString());
    assertThat(listed.code()).as("a signed GET with a query: " + listed.err()).isZero();
    assertThat(cli.run("audit", "log", "--model", "site", "--since", "10m").out())
        .contains(TestSigningKeys.INSTALLER.keyId());
  }

  @Test
  void aWrongSecretIsRefusedAndAKeyFileOthersMayReadIsNotUsed() throws Exception {
    Path wrong = keyFile(TestSigningKeys.INSTALLER.keyId(), "sixteen-plus characters, wrong");
    Path open = keyFile(TestSigningKeys.INSTALLER.keyId(), TestSigningKeys.INSTALLER.secret());
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

    CliRunner.Result refused = cli.run("model", "list", "--signing-key-file", wrong.toString());
    CliRunner.Result unused = cli.run("model", "list", "--signing-key-file", open.toString());

    assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(refused.err()).startsWith("error: UNAUTHENTICATED").contains("does not match");
    assertThat(unused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unused.err()).contains("readable by others");
  }

  private Path keyFile(String keyId, String secret) throws Exception {
    Path file = Files.createTempFile(work, "key", ".yaml");
    Files.writeString(file, "key_id: " + keyId + "\nsecret: \"" + secret + "\"\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
