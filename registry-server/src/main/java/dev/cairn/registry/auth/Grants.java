package dev.cairn.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * What an entry of the tokens file or the signing keys file grants, written the same way in both:
 * {@code roles} (at least one, each known) and {@code projects}.
 */
record Grants(Set<Role> roles, Set<String> projects) {

  /** Reads {@code entry}'s grants; {@code owner} ("token 'ci'") names the entry in errors. */
  static Grants of(JsonNode entry, String owner) {
    Set<Role> roles = new HashSet<>();
    for (JsonNode role : entry.path("roles")) {
      roles.add(
          Role.parse(role.asText())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          owner + ": unknown role '" + role.asText() + "'")));
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException(owner + " has no roles");
    }
    Set<String> projects = new HashSet<>();
    entry.path("projects").forEach(p -> projects.add(p.asText()));
    return new Grants(Set.copyOf(roles), Set.copyOf(projects));
  }
}
