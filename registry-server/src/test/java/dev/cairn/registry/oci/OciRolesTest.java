package dev.cairn.registry.oci;

import static dev.cairn.registry.oci.OciFixture.header;
import static dev.cairn.registry.oci.OciFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role matrix of {@code /v2/} (its routes are outside the API's route table, so {@code
 * RoleMatrixTest} does not list them): every endpoint against every kind of caller, as Bearer and
 * as Basic. Any role reads every project it sees; a token scoped to another project sees the base
 * but no repository of this one (NAME_UNKNOWN, as if it did not exist); no credentials is 401.
 */
class OciRolesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static URI base;
  private static Map<String, String> endpoints;

  @BeforeAll
  static void publish() throws Exception {
    TestRegistry registry = TestRegistry.shared();
    base = registry.uri();
    OciFixture fixture = OciFixture.publish(registry, "oci-roles");
    String repo = "/v2/" + fixture.name();
    HttpResponse<byte[]> manifest = OciFixture.get(base, repo + "/manifests/production");
    String digest = header(manifest, "Docker-Content-Digest");
    JsonNode layer = JSON.readTree(manifest.body()).at("/layers/0");
    endpoints = new LinkedHashMap<>();
    endpoints.put("base", "/v2/");
    endpoints.put("tags", repo + "/tags/list");
    endpoints.put("manifest", repo + "/manifests/production");
    endpoints.put("blob", repo + "/blobs/" + layer.get("digest").asText());
    endpoints.put("referrers", repo + "/referrers/" + digest);
  }

  @Test
  void everyRoleReadsEveryEndpointAsBearerAndAsBasic() {
    for (String token :
        List.of(
            TestTokens.ADMIN,
            TestTokens.READER,
            TestTokens.PUBLISHER,
            TestTokens.APPROVER,
            TestTokens.SIDECAR)) {
      endpoints.forEach(
          (name, path) -> {
            assertThat(send(base, "GET", path, token, Map.of()).statusCode())
                .as(token + " " + name)
                .isEqualTo(200);
            assertThat(basic(path, token).statusCode()).as(token + " basic " + name).isEqualTo(200);
          });
    }
  }

  @Test
  void aTokenOfAnotherProjectSeesTheBaseButNoRepositoryOfThisOne() throws Exception {
    for (String token : List.of(TestTokens.OTHER_PROJECT, TestTokens.SCOPED_ADMIN)) {
      for (var e : endpoints.entrySet()) {
        HttpResponse<byte[]> res = send(base, "GET", e.getValue(), token, Map.of());
        if (e.getKey().equals("base")) {
          assertThat(res.statusCode()).as(token + " base").isEqualTo(200);
        } else {
          assertThat(res.statusCode()).as(token + " " + e.getKey()).isEqualTo(404);
          assertThat(JSON.readTree(res.body()).at("/errors/0/code").asText())
              .isEqualTo("NAME_UNKNOWN");
        }
      }
    }
  }

  @Test
  void noCredentialsIsUnauthorizedEverywhere() {
    endpoints.forEach(
        (name, path) -> {
          HttpResponse<byte[]> res = send(base, "GET", path, null, Map.of());
          assertThat(res.statusCode()).as(name).isEqualTo(401);
          assertThat(header(res, "WWW-Authenticate")).as(name).startsWith("Bearer realm=");
        });
  }

  private static HttpResponse<byte[]> basic(String path, String token) {
    String credentials =
        Base64.getEncoder().encodeToString(("ci:" + token).getBytes(StandardCharsets.UTF_8));
    return send(base, "GET", path, null, Map.of("Authorization", "Basic " + credentials));
  }
}
