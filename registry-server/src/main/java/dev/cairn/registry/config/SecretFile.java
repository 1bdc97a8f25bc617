package dev.cairn.registry.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A secret the registry generates for itself and keeps in its data directory: 256 random bits as
 * hex, written once (mode 0600, atomically), read back on every start. Its content never reaches a
 * log line or an answer.
 */
public final class SecretFile {

  private SecretFile() {}

  public static String readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(temp, HexFormat.of().formatHex(random));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      return Files.readString(file).trim();
    } catch (IOException | UnsupportedOperationException e) {
      throw new StartupException("cannot read or create " + file + ": " + e.getMessage());
    }
  }
}
