package dev.cairn.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.registry.config.StartupException;
import dev.cairn.registry.testing.TestSigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing keys file: secrets readable by their owner only, pinned digests checked. */
class SigningKeysFileTest {

  @TempDir Path dir;

  @Test
  void loadsTheKeyWithItsRolesAndProjects() throws Exception {
    var keys = SigningKeysFile.load(TestSigningKeys.writeKeysFile(dir)).current();

    SigningKeysFile.Entry entry = keys.get(TestSigningKeys.INSTALLER.keyId());
    assertThat(entry.key().secret()).isEqualTo(TestSigningKeys.INSTALLER.secret());
    assertThat(entry.principal().roleNames()).containsExactly("approver", "publisher");
    assertThat(entry.key().toString()).doesNotContain(TestSigningKeys.INSTALLER.secret());
  }

  @Test
  void aSecretOthersMayReadStopsTheStartInOneLine() throws Exception {
    Path file = TestSigningKeys.writeKeysFile(dir);
    Files.setPosixFilePermissions(
        dir.resolve("site-7.secret"), PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> SigningKeysFile.load(file))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("others may read it (chmod 600)")
        .hasMessageNotContaining(TestSigningKeys.INSTALLER.secret());
  }

  @Test
  void aSecretThatIsNotThePinnedOneIsRefused() throws Exception {
    Path secret = Files.writeString(dir.resolve("k.secret"), "sixteen or more characters");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Path file =
        Files.writeString(
            dir.resolve("keys.yaml"),
            "keys:\n  - key_id: k\n    secret_file: k.secret\n    sha256: "
                + "0".repeat(64)
                + "\n    roles: [publisher]\n    projects: [a]\n");

    assertThatThrownBy(() -> SigningKeysFile.load(file))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("does not match sha256");
  }
}
