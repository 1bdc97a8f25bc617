package dev.cairn.registry.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The development bootstrap admin token of spec 40-security: given by {@code
 * CAIRN_BOOTSTRAP_ADMIN_TOKEN}, or created on first start of an embedded registry, stored as a
 * hash, written once to {@code <data>/admin-token} (mode 0600).
 */
public final class BootstrapAdmin {

  public static final String NAME = "bootstrap-admin";

  private final Db db;

  public BootstrapAdmin(Db db) {
    this.db = db;
  }

  /** What happened at startup: the token to print once, if one was created now. */
  public record Outcome(Optional<String> newToken, Optional<Path> tokenFile) {}

  /** Uses the explicit token: its hash replaces any stored one. Nothing is printed. */
  public Outcome useExplicit(String token) {
    store(TokenHashes.sha256Hex(token));
    return new Outcome(Optional.empty(), Optional.empty());
  }

  /** Creates the token on first start; later starts only point at the file. */
  public Outcome ensureGenerated(Path dataDir) {
    Path file = dataDir.resolve("admin-token");
    boolean exists =
        db.read(exec -> exec.get("SELECT name FROM api_tokens WHERE name = ?", NAME).isPresent());
    if (exists) {
      return new Outcome(Optional.empty(), Optional.of(file));
    }
    String token = TokenHashes.newToken();
    writeSecretFile(file, token);
    store(TokenHashes.sha256Hex(token));
    return new Outcome(Optional.of(token), Optional.of(file));
  }

  /** The authenticator over every token the server stored. */
  public StoredTokenAuthenticator authenticator() {
    List<HashedToken> tokens =
        db.read(
            exec ->
                Db.list(
                    exec,
                    "SELECT name, sha256, roles, projects FROM api_tokens",
                    BootstrapAdmin::token));
    return new StoredTokenAuthenticator(tokens);
  }

  private static HashedToken token(DbRow row) {
    List<Role> roles =
        Rows.fromJson(Rows.string(row, "roles"), new TypeReference<>() {}, List.of());
    List<String> projects =
        Rows.fromJson(Rows.string(row, "projects"), new TypeReference<>() {}, List.of());
    return HashedToken.ofHex(
        Rows.string(row, "name"),
        Rows.string(row, "sha256"),
        Set.copyOf(roles),
        Set.copyOf(projects));
  }

  private void store(String sha256Hex) {
    db.inTransaction(
        tx ->
            tx.dml(
                "INSERT INTO api_tokens (name, sha256, roles, projects, created_at) "
                    + "VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256",
                NAME,
                sha256Hex,
                "[\"ADMIN\"]",
                "[\"*\"]",
                Rows.param(Rows.now())));
  }

  private static void writeSecretFile(Path file, String token) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, token + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
