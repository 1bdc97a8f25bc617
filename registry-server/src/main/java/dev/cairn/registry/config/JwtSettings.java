package dev.cairn.registry.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How JWTs are checked: keys from a JWKS URL or file, the required issuer and audience, and the
 * claims that carry roles and projects.
 */
public record JwtSettings(
    Optional<String> jwksUrl,
    Optional<Path> jwksFile,
    Optional<String> issuer,
    Optional<String> audience,
    String rolesClaim,
    String projectsClaim) {

  public boolean enabled() {
    return jwksUrl.isPresent() || jwksFile.isPresent();
  }
}
