package dev.cairn.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.registry.config.StartupException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * API tokens from the tokens file of spec 40-security (names, SHA-256 hashes, roles, projects),
 * re-read when it changes ({@link WatchedFile}).
 */
public final class TokenFileAuthenticator implements Authenticator {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final WatchedFile<List<HashedToken>> tokens;

  private TokenFileAuthenticator(WatchedFile<List<HashedToken>> tokens) {
    this.tokens = tokens;
  }

  /** Loads the file now; a missing or malformed file stops startup. */
  public static TokenFileAuthenticator load(Path file) {
    try {
      return new TokenFileAuthenticator(
          WatchedFile.load(file, "tokens file", TokenFileAuthenticator::read));
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupException("Cannot use the tokens file " + file + ": " + e.getMessage(), e);
    }
  }

  /** How many tokens the file lists now. */
  public int size() {
    return tokens.current().size();
  }

  @Override
  public Optional<Principal> authenticate(String bearerToken) {
    return HashedTokens.match(tokens.current(), bearerToken);
  }

  @Override
  public Optional<Principal> authenticateDigest(byte[] sha256) {
    return HashedTokens.matchDigest(tokens.current(), sha256);
  }

  private static List<HashedToken> read(Path file) throws IOException {
    JsonNode root = YAML.readTree(file.toFile());
    JsonNode entries = root == null ? null : root.get("tokens");
    if (entries == null || !entries.isArray()) {
      throw new IllegalArgumentException("expected a top-level 'tokens:' list");
    }
    List<HashedToken> tokens = new ArrayList<>();
    for (JsonNode entry : entries) {
      tokens.add(entry(entry));
    }
    return List.copyOf(tokens);
  }

  private static HashedToken entry(JsonNode entry) {
    String name = text(entry, "name");
    String hash = text(entry, "sha256").toLowerCase(Locale.ROOT);
    if (!hash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("token '" + name + "': sha256 must be 64 hex digits");
    }
    Grants grants = Grants.of(entry, "token '" + name + "'");
    return HashedToken.ofHex(name, hash, grants.roles(), grants.projects());
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("every token needs a '" + field + "'");
    }
    return value.asText();
  }
}
