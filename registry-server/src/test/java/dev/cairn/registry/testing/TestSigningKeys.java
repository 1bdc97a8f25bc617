package dev.cairn.registry.testing;

import dev.cairn.client.signing.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The pre-shared signing key every test registry knows ({@code CAIRN_SIGNING_KEYS}): an offline
 * installer that publishes and approves on every project, its secret in a file of its own.
 */
public final class TestSigningKeys {

  public static final SigningKey INSTALLER =
      new SigningKey("site-7-installer", "a pre-shared secret of site 7, 32 characters or so");

  private TestSigningKeys() {}

  /** Writes the keys file and the secret file beside it, both readable by their owner only. */
  public static Path writeKeysFile(Path dir) throws IOException {
    Path secret = dir.resolve("site-7.secret");
    Files.writeString(secret, INSTALLER.secret() + "\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Path file = dir.resolve("signing-keys.yaml");
    Files.writeString(
        file,
        "keys:\n"
            + "  - key_id: "
            + INSTALLER.keyId()
            + "\n"
            + "    secret_file: site-7.secret\n"
            + "    roles: [publisher, approver]\n"
            + "    projects: [\"*\"]\n");
    return file;
  }
}
