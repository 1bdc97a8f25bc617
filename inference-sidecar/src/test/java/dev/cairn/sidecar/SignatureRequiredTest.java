package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Instance;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.config.SignatureSettings;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import dev.cairn.signing.ModelSigner;
import dev.cairn.signing.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CAIRN_REQUIRE_SIGNATURE=true} (issue 28 item 4): the sidecar refuses to load an unsigned
 * version or one signed by a key it does not trust — {@code /status} {@code last_error} starts with
 * the {@code SIGNATURE_*} code and the previous version keeps answering — and loads a signed one.
 */
class SignatureRequiredTest {

  private final TestRegistry registry = TestRegistry.shared();
  @TempDir Path cache;
  @TempDir Path keys;

  @Test
  void refusesUnsignedAndUntrustedVersionsKeepsServingAndLoadsASignedOne() throws Exception {
    String project = Sidecars.projectWithModel(registry, "sig", "scorer");
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    CairnClient approver = registry.client(TestTokens.APPROVER);
    KeyPair trusted = ecKeyPair();
    KeyPair other = ecKeyPair();
    trust(project, trusted, other);
    sign(publisher, project, Sidecars.onnxVersion(publisher, project, "scorer", "v1", 1), trusted);
    Sidecars.onnxVersion(publisher, project, "scorer", "v2", 2); // unsigned
    sign(publisher, project, Sidecars.onnxVersion(publisher, project, "scorer", "v3", 3), other);
    sign(publisher, project, Sidecars.onnxVersion(publisher, project, "scorer", "v4", 4), trusted);
    point(approver, project, "v1");
    Path trustedPem =
        Files.writeString(keys.resolve("ci.pem"), Pem.publicKeyPem(trusted.getPublic()));

    try (Sidecar sidecar =
        Sidecar.start(
            Sidecars.settings(registry.uri(), project, "scorer", cache, List.of())
                .withSignatures(SignatureSettings.required(List.of(trustedPem), List.of())))) {
      SidecarClient client = new SidecarClient(sidecar.port());
      await().atMost(Duration.ofSeconds(30)).until(sidecar::ready);
      assertThat(client.infer("scorer")).isEqualTo(1f);
      String hint = Pem.hint(trusted.getPublic());
      assertSigned(client, "v1", hint);
      awaitReportedSigner(project, "v1", hint);

      point(approver, project, "v2");
      awaitLastError(client, "SIGNATURE_REQUIRED:default");
      assertThat(client.infer("scorer")).isEqualTo(1f);

      // Trusted by the project's policy, but not by this sidecar's CAIRN_TRUSTED_KEYS.
      point(approver, project, "v3");
      awaitLastError(client, "SIGNATURE_UNTRUSTED:default");
      assertThat(client.infer("scorer")).isEqualTo(1f);
      assertThat(client.get("/status").body().path("versions").path("default").asText())
          .isEqualTo("v1");

      point(approver, project, "v4");
      await().atMost(Duration.ofSeconds(30)).until(() -> client.infer("scorer") == 4f);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> client.get("/status").body().path("last_error").isNull());
      assertSigned(client, "v4", hint);
      awaitReportedSigner(project, "v4", hint);
    }
  }

  @Test
  void withoutRequiredSignaturesReportsNoSigner() throws Exception {
    String project = Sidecars.projectWithModel(registry, "unsig", "scorer");
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    Sidecars.onnxVersion(publisher, project, "scorer", "v1", 1);
    point(registry.client(TestTokens.APPROVER), project, "v1");
    try (Sidecar sidecar =
        Sidecar.start(Sidecars.settings(registry.uri(), project, "scorer", cache, List.of()))) {
      SidecarClient client = new SidecarClient(sidecar.port());
      await().atMost(Duration.ofSeconds(30)).until(sidecar::ready);
      JsonNode status = client.get("/status").body();
      assertThat(status.path("signatures").has("default")).isTrue();
      assertThat(status.path("signatures").path("default").isNull()).isTrue();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                LoadedVersion loaded = reported(project);
                assertThat(loaded.version()).isEqualTo("v1");
                assertThat(loaded.signature()).isNull();
              });
    }
  }

  /** {@code /status} names the signer of the version served, at the top and under models. */
  private static void assertSigned(SidecarClient client, String version, String hint) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode status = client.get("/status").body();
              assertThat(status.path("versions").path("default").asText()).isEqualTo(version);
              for (JsonNode node : List.of(status, status.path("models").path("scorer"))) {
                JsonNode signed = node.path("signatures").path("default");
                assertThat(signed.path("method").asText()).isEqualTo("key");
                assertThat(signed.path("signer").asText()).contains(hint);
                assertThat(Instant.parse(signed.path("verified_at").asText()))
                    .isBeforeOrEqualTo(Instant.now());
              }
            });
  }

  /** The registry's instance list carries the signer the sidecar reported for what it serves. */
  private void awaitReportedSigner(String project, String version, String hint) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              LoadedVersion loaded = reported(project);
              assertThat(loaded.version()).isEqualTo(version);
              assertThat(loaded.signature()).isNotNull();
              assertThat(loaded.signature().method()).isEqualTo("key");
              assertThat(loaded.signature().signer()).contains(hint);
              assertThat(loaded.signature().verifiedAt()).isNotNull();
            });
  }

  private LoadedVersion reported(String project) {
    List<Instance> instances =
        registry.client(TestTokens.ADMIN).instances().list(project, "scorer", "production");
    assertThat(instances).hasSize(1);
    return instances.get(0).loaded().get("default");
  }

  private static void awaitLastError(SidecarClient client, String code) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(client.get("/status").body().path("last_error").asText())
                    .startsWith(code));
  }

  private static void point(CairnClient approver, String project, String version) {
    approver
        .aliases()
        .put(project, "scorer", "production", AliasUpdate.version(version, "sig"), null, null);
  }

  private void trust(String project, KeyPair... pairs) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode policy = json.createObjectNode();
    var list = policy.putArray("keys");
    for (int i = 0; i < pairs.length; i++) {
      list.addObject().put("name", "k" + i).put("pem", Pem.publicKeyPem(pairs[i].getPublic()));
    }
    policy.putArray("roots");
    policy.putArray("identities");
    registry.client(TestTokens.ADMIN).signatures().putTrust(project, policy);
  }

  private static void sign(CairnClient publisher, String project, Version version, KeyPair pair)
      throws Exception {
    Map<String, String> files = new HashMap<>();
    for (VersionFile file : version.files()) {
      files.put(file.path(), file.sha256());
    }
    publisher
        .signatures()
        .putSignature(
            project,
            "scorer",
            version.version(),
            new ModelSigner(pair.getPrivate(), pair.getPublic()).sign("scorer", files, List.of()));
  }

  private static KeyPair ecKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }
}
