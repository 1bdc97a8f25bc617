package dev.cairn.registry.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.cairn.registry.config.JwtSettings;
import dev.cairn.registry.config.StartupException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signed JWTs (RS256/ES256) checked against a JWKS URL (keys cached and refreshed) or file; {@code
 * exp}, {@code nbf}, {@code iss} and {@code aud} are enforced. Roles come from a configurable claim
 * that may be a list or an OAuth {@code scope} string; projects from another.
 */
public final class JwtAuthenticator implements Authenticator {

  private static final Logger LOG = Logger.getLogger(JwtAuthenticator.class.getName());

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final DefaultJWTProcessor<SecurityContext> signatureOnly;
  private final JwtSettings settings;

  private JwtAuthenticator(
      DefaultJWTProcessor<SecurityContext> processor,
      DefaultJWTProcessor<SecurityContext> signatureOnly,
      JwtSettings settings) {
    this.processor = processor;
    this.signatureOnly = signatureOnly;
    this.settings = settings;
  }

  public static JwtAuthenticator create(JwtSettings settings) {
    if (settings.issuer().isEmpty() || settings.audience().isEmpty()) {
      throw new StartupException(
          "JWT authentication needs CAIRN_JWT_ISSUER and CAIRN_JWT_AUDIENCE besides the JWKS.");
    }
    JWKSource<SecurityContext> keys = keys(settings);
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            settings.audience().get(),
            new JWTClaimsSet.Builder().issuer(settings.issuer().get()).build(),
            Set.of("sub", "exp")));
    // Checks only the signature: a refused token that passes it was issued by a trusted party.
    DefaultJWTProcessor<SecurityContext> signatureOnly = new DefaultJWTProcessor<>();
    signatureOnly.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    signatureOnly.setJWTClaimsSetVerifier((claims, context) -> {});
    return new JwtAuthenticator(processor, signatureOnly, settings);
  }

  private static JWKSource<SecurityContext> keys(JwtSettings settings) {
    try {
      if (settings.jwksUrl().isPresent()) {
        return JWKSourceBuilder.create(URI.create(settings.jwksUrl().get()).toURL())
            .retrying(true)
            .build();
      }
      // A JWKS file is re-read when it changes, so keys rotate without a restart.
      WatchedFile<JWKSet> file =
          WatchedFile.load(
              settings.jwksFile().orElseThrow(), "JWKS file", JwtAuthenticator::readKeys);
      return (selector, context) -> selector.select(file.current());
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupException("Cannot load the JWT keys: " + e.getMessage(), e);
    }
  }

  private static JWKSet readKeys(Path file) throws IOException {
    try {
      return JWKSet.load(file.toFile());
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWK set: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Principal> authenticate(String bearerToken) {
    if (bearerToken.chars().filter(c -> c == '.').count() != 2) {
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(bearerToken, null);
      Set<Role> roles = new HashSet<>();
      for (String name : values(claims.getClaim(settings.rolesClaim()))) {
        Role.parse(name).ifPresent(roles::add);
      }
      Set<String> projects = new HashSet<>(values(claims.getClaim(settings.projectsClaim())));
      return Optional.of(new Principal(claims.getSubject(), roles, projects));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      LOG.log(Level.FINE, "JWT refused: {0}", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> refusedIdentity(String bearerToken) {
    if (bearerToken.chars().filter(c -> c == '.').count() != 2) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(signatureOnly.process(bearerToken, null).getSubject());
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Instant> expiresAt(String bearerToken) {
    try {
      return Optional.ofNullable(processor.process(bearerToken, null).getExpirationTime())
          .map(Date::toInstant);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }

  /** A claim as a list of strings: a JSON list, or a space/comma separated string. */
  private static List<String> values(Object claim) {
    return switch (claim) {
      case null -> List.of();
      case Collection<?> list -> list.stream().map(String::valueOf).toList();
      case String s -> Arrays.stream(s.split("[\\s,]+")).filter(v -> !v.isEmpty()).toList();
      default -> List.of(String.valueOf(claim));
    };
  }
}
