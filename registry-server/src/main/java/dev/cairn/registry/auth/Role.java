package dev.cairn.registry.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of spec 40-security. Seed names and OAuth scopes map onto them, so clients of the older
 * registries keep working. {@code SIDECAR} is what an inference sidecar's token holds: it reads and
 * reports instances, and nothing else (issue 24: a publisher could forge serving reports).
 */
public enum Role {
  READER,
  PUBLISHER,
  APPROVER,
  ADMIN,
  SIDECAR;

  /** The role a role name, seed name or {@code model:*} scope stands for. */
  public static Optional<Role> parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "reader", "user", "model:read" -> Optional.of(READER);
      case "publisher", "operator", "model:write" -> Optional.of(PUBLISHER);
      case "approver", "model:approve" -> Optional.of(APPROVER);
      case "admin", "model:admin" -> Optional.of(ADMIN);
      case "sidecar" -> Optional.of(SIDECAR);
      default -> Optional.empty();
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
