package dev.cairn.registry.audit;

import dev.cairn.registry.config.SecretFile;
import dev.cairn.registry.config.StartupException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The audit key: {@code CAIRN_AUDIT_KEY} when set (at least 32 characters; the chart generates one
 * into a Secret), else {@code audit-key} in the data directory, generated on first start. Replicas
 * sharing a database must share the key. It is kept out of the database on purpose: whoever can
 * write the audit table must not be able to read the key there.
 */
public final class AuditKeys {

  static final String FILE = "audit-key";
  private static final int MIN_CHARS = 32;

  private AuditKeys() {}

  public static byte[] load(Optional<String> configured, Path dataDir) {
    if (configured.isPresent()) {
      String key = configured.get().trim();
      if (key.length() < MIN_CHARS) {
        throw new StartupException(
            "CAIRN_AUDIT_KEY must be at least " + MIN_CHARS + " characters long");
      }
      return key.getBytes(StandardCharsets.UTF_8);
    }
    return SecretFile.readOrCreate(dataDir.resolve(FILE)).getBytes(StandardCharsets.UTF_8);
  }
}
