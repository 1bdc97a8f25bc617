package dev.cairn.registry.auth;

import java.util.HexFormat;
import java.util.Set;

/** A known token: its name, the SHA-256 of the token string, roles and projects. */
record HashedToken(String name, byte[] sha256, Set<Role> roles, Set<String> projects) {

  static HashedToken ofHex(String name, String hex, Set<Role> roles, Set<String> projects) {
    return new HashedToken(name, HexFormat.of().parseHex(hex), roles, projects);
  }

  Principal principal() {
    return new Principal(name, roles, projects);
  }
}
