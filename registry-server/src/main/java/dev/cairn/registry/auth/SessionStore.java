package dev.cairn.registry.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbRow;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Browser sessions in PostgreSQL, so every replica knows them and a logout on one ends the session
 * on all. The cookie carries a random id; the row is keyed by its SHA-256, so a copy of the table
 * opens no session.
 */
public final class SessionStore {

  /** A newly opened session and the id its cookie carries (shown once, never stored). */
  public record Opened(String id, BrowserSession session) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ID_BYTES = 32;
  private static final int MAX_ID_LENGTH = 64;

  private static final String INSERT =
      "INSERT INTO browser_sessions"
          + " (id_sha256, principal_name, roles, projects, token_sha256, csrf_token, created_at,"
          + " expires_at) VALUES (?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?)";
  private static final String PURGE = "DELETE FROM browser_sessions WHERE expires_at <= ?";
  private static final String FIND =
      "SELECT principal_name, roles, projects, token_sha256, csrf_token, expires_at"
          + " FROM browser_sessions"
          + " WHERE id_sha256 = ? AND expires_at > ?";
  private static final String REVOKE = "DELETE FROM browser_sessions WHERE id_sha256 = ?";

  private final Db db;

  public SessionStore(Db db) {
    this.db = db;
  }

  /**
   * When a session for a token ending at {@code tokenExpiry} (empty: no end of its own) ends: never
   * after the token, never later than {@code maxLifetime} from {@code now}.
   */
  public static Instant endOf(Optional<Instant> tokenExpiry, Duration maxLifetime, Instant now) {
    Instant longest = now.plus(maxLifetime);
    return tokenExpiry.filter(end -> end.isBefore(longest)).orElse(longest);
  }

  /**
   * Opens a session for {@code principal} until {@code expiresAt}, remembering the hash of its
   * token when the token's source can be asked by hash; ended sessions are purged.
   */
  public Opened open(Principal principal, Optional<String> tokenSha256, Instant expiresAt) {
    byte[] random = new byte[ID_BYTES];
    RANDOM.nextBytes(random);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    BrowserSession session =
        new BrowserSession(principal, tokenSha256, CsrfTokens.fresh(), expiresAt);
    Instant now = Rows.now();
    db.inTransaction(
        tx -> {
          tx.dml(PURGE, Rows.param(now));
          return tx.dml(
              INSERT,
              TokenHashes.sha256Hex(id),
              principal.name(),
              Rows.json(principal.roles()),
              Rows.json(principal.projects()),
              tokenSha256.orElse(null),
              session.csrfToken(),
              Rows.param(now),
              Rows.param(expiresAt));
        });
    return new Opened(id, session);
  }

  /** The live session the cookie value {@code id} names, if any. */
  public Optional<BrowserSession> find(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      return Optional.empty();
    }
    List<BrowserSession> found =
        db.read(
            exec ->
                Db.list(
                    exec,
                    FIND,
                    SessionStore::session,
                    TokenHashes.sha256Hex(id),
                    Rows.param(Instant.now())));
    return found.stream().findFirst();
  }

  /** Ends the session {@code id} names (logout); nothing happens for an unknown one. */
  public void revoke(String id) {
    db.inTransaction(tx -> tx.dml(REVOKE, TokenHashes.sha256Hex(id)));
  }

  private static BrowserSession session(DbRow row) {
    List<Role> roles =
        Rows.fromJson(Rows.string(row, "roles"), new TypeReference<>() {}, List.of());
    List<String> projects =
        Rows.fromJson(Rows.string(row, "projects"), new TypeReference<>() {}, List.of());
    Principal principal =
        new Principal(Rows.string(row, "principal_name"), Set.copyOf(roles), Set.copyOf(projects));
    return new BrowserSession(
        principal,
        Optional.ofNullable(Rows.string(row, "token_sha256")),
        Rows.string(row, "csrf_token"),
        Rows.instant(row, "expires_at"));
  }
}
