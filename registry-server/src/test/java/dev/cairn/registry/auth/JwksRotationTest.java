package dev.cairn.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.cairn.registry.testing.TestJwts;
import dev.cairn.registry.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 11: the JWKS file was read once at start, so a rotated signing key was refused
 * until a restart. It is now re-read when it changes; a broken edit keeps the last good keys.
 */
class JwksRotationTest {

  private static final String ISSUER = "https://idp.example.test";
  private static final String AUDIENCE = "cairn";

  @Test
  void aRotatedKeyIsAcceptedWithoutARestartAndABrokenFileKeepsTheLastGoodKeys() throws Exception {
    RSAKey oldKey = new RSAKeyGenerator(2048).keyID("old").generate();
    RSAKey newKey = new RSAKeyGenerator(2048).keyID("new").generate();
    Path jwks = Files.createTempFile("jwks", ".json");
    Files.writeString(jwks, new JWKSet(oldKey.toPublicJWK()).toString());
    try (TestRegistry registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_JWT_JWKS_FILE",
                jwks.toString(),
                "CAIRN_JWT_ISSUER",
                ISSUER,
                "CAIRN_JWT_AUDIENCE",
                AUDIENCE,
                "CAIRN_JWT_ROLES_CLAIM",
                "scope",
                "CAIRN_SCRUB_BYTES_PER_SECOND",
                "0"))) {
      String byOld = token(oldKey);
      String byNew = token(newKey);
      assertThat(status(registry, byOld)).isEqualTo(200);
      assertThat(status(registry, byNew)).isEqualTo(401);

      Files.writeString(jwks, new JWKSet(newKey.toPublicJWK()).toString());

      await().atMost(Duration.ofSeconds(10)).until(() -> status(registry, byNew) == 200);
      assertThat(status(registry, byOld)).isEqualTo(401);

      Files.writeString(jwks, "{ not a key set");
      Thread.sleep(600);
      assertThat(status(registry, byNew)).isEqualTo(200);
    }
  }

  private static String token(RSAKey key) throws Exception {
    return TestJwts.signed(
        key, ISSUER, AUDIENCE, "model:read", List.of("*"), Duration.ofMinutes(5));
  }

  private static int status(TestRegistry registry, String token) {
    return registry.http().get("/api/v1/projects", token).statusCode();
  }
}
