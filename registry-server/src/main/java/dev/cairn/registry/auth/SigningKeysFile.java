package dev.cairn.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.client.signing.SigningKey;
import dev.cairn.registry.config.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pre-shared signing keys of {@code CAIRN_SIGNING_KEYS} (spec 75-cli, "Offline installers"):
 *
 * <pre>
 * keys:
 *   - key_id: site-7-installer
 *     secret_file: /etc/cairn/keys/site-7     # or secret: …, when this file is the secret store
 *     sha256: 5f…                             # optional: the secret's digest, checked at load
 *     roles: [publisher, approver]
 *     projects: [site-7]
 * </pre>
 *
 * HMAC needs the secret itself, so no file holding one may be readable by other users (owner and
 * group only: a Kubernetes Secret volume with an fsGroup is 0440); a file others can read stops the
 * start (or, on re-read, keeps the last good keys).
 */
final class SigningKeysFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A key and what its signatures may do. */
  record Entry(SigningKey key, Principal principal) {}

  private SigningKeysFile() {}

  static WatchedFile<Map<String, Entry>> load(Path file) {
    try {
      return WatchedFile.load(file, "signing keys file", SigningKeysFile::read);
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupException(
          "Cannot use the signing keys file " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, Entry> read(Path file) throws IOException {
    JsonNode root = YAML.readTree(file.toFile());
    JsonNode entries = root == null ? null : root.get("keys");
    if (entries == null || !entries.isArray()) {
      throw new IllegalArgumentException("expected a top-level 'keys:' list");
    }
    Map<String, Entry> keys = new HashMap<>();
    for (JsonNode entry : entries) {
      Entry read = entry(file, entry);
      if (keys.put(read.key().keyId(), read) != null) {
        throw new IllegalArgumentException("key '" + read.key().keyId() + "' appears twice");
      }
    }
    return Map.copyOf(keys);
  }

  private static Entry entry(Path file, JsonNode entry) throws IOException {
    String keyId = entry.path("key_id").asText("");
    String secret = secret(file, keyId, entry);
    SigningKey key = new SigningKey(keyId, secret);
    String pinned = entry.path("sha256").asText("");
    if (!pinned.isEmpty() && !TokenHashes.sha256Hex(secret).equalsIgnoreCase(pinned)) {
      throw new IllegalArgumentException("key '" + keyId + "': its secret does not match sha256");
    }
    Grants grants = Grants.of(entry, "key '" + keyId + "'");
    if (grants.projects().isEmpty()) {
      throw new IllegalArgumentException("key '" + keyId + "' names no projects");
    }
    return new Entry(key, new Principal(keyId, grants.roles(), grants.projects()));
  }

  private static String secret(Path file, String keyId, JsonNode entry) throws IOException {
    if (entry.hasNonNull("secret") == entry.hasNonNull("secret_file")) {
      throw new IllegalArgumentException(
          "key '" + keyId + "' needs exactly one of 'secret' and 'secret_file'");
    }
    Path holder =
        entry.hasNonNull("secret") ? file : file.resolveSibling(entry.get("secret_file").asText());
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(holder);
    if (mode.stream()
        .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
      throw new IllegalArgumentException(
          holder + " holds the secret of key '" + keyId + "' but others may read it (chmod 600)");
    }
    return entry.hasNonNull("secret")
        ? entry.get("secret").asText()
        : Files.readString(holder).strip();
  }
}
