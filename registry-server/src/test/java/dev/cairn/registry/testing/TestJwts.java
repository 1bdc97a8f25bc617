package dev.cairn.registry.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** RS256 JWTs for alice, as an identity provider would issue them. */
public final class TestJwts {

  private TestJwts() {}

  /** A token signed by {@code key} whose {@code scope} claim carries the roles. */
  public static String signed(
      RSAKey key,
      String issuer,
      String audience,
      String scope,
      List<String> projects,
      Duration validFor)
      throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("alice")
            .issuer(issuer)
            .audience(audience)
            .claim("scope", scope)
            .claim("projects", projects)
            .issueTime(Date.from(now.minusSeconds(600)))
            .expirationTime(Date.from(now.plus(validFor)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
