package dev.cairn.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.registry.config.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * API tokens from the tokens file of spec 40-security (names, SHA-256 hashes, roles, projects). The
 * file is re-read when its modification time or size changes; a broken edit keeps the last good
 * entries and is logged, so a typo does not lock everyone out.
 */
public final class TokenFileAuthenticator implements Authenticator {

  private static final Logger LOG = Logger.getLogger(TokenFileAuthenticator.class.getName());
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final long RECHECK_NANOS = 250_000_000L;

  private final Path file;
  private volatile Snapshot snapshot;
  private volatile long lastCheck;

  private TokenFileAuthenticator(Path file, Snapshot snapshot) {
    this.file = file;
    this.snapshot = snapshot;
    this.lastCheck = System.nanoTime();
  }

  /** Loads the file now; a missing or malformed file stops startup. */
  public static TokenFileAuthenticator load(Path file) {
    try {
      return new TokenFileAuthenticator(file, read(file));
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupException("Cannot use the tokens file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Principal> authenticate(String bearerToken) {
    refreshIfChanged();
    return HashedTokens.match(snapshot.tokens(), bearerToken);
  }

  private void refreshIfChanged() {
    long now = System.nanoTime();
    if (now - lastCheck < RECHECK_NANOS) {
      return;
    }
    lastCheck = now;
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      if (!modified.equals(snapshot.modified()) || size != snapshot.size()) {
        snapshot = read(file);
        LOG.info(() -> "tokens file re-read: " + snapshot.tokens().size() + " tokens");
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          "tokens file " + file + " unreadable, keeping the last good one: " + e.getMessage());
    }
  }

  private static Snapshot read(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    long size = Files.size(file);
    JsonNode root = YAML.readTree(file.toFile());
    JsonNode entries = root == null ? null : root.get("tokens");
    if (entries == null || !entries.isArray()) {
      throw new IllegalArgumentException("expected a top-level 'tokens:' list");
    }
    List<HashedToken> tokens = new ArrayList<>();
    for (JsonNode entry : entries) {
      tokens.add(entry(entry));
    }
    return new Snapshot(List.copyOf(tokens), modified, size);
  }

  private static HashedToken entry(JsonNode entry) {
    String name = text(entry, "name");
    String hash = text(entry, "sha256").toLowerCase(java.util.Locale.ROOT);
    if (!hash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("token '" + name + "': sha256 must be 64 hex digits");
    }
    Set<Role> roles = new HashSet<>();
    for (JsonNode role : entry.path("roles")) {
      roles.add(
          Role.parse(role.asText())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "token '" + name + "': unknown role '" + role.asText() + "'")));
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("token '" + name + "' has no roles");
    }
    Set<String> projects = new HashSet<>();
    entry.path("projects").forEach(p -> projects.add(p.asText()));
    return HashedToken.ofHex(name, hash, roles, projects);
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("every token needs a '" + field + "'");
    }
    return value.asText();
  }

  private record Snapshot(List<HashedToken> tokens, FileTime modified, long size) {}
}
