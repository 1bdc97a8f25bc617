package dev.cairn.initializer;

import static dev.cairn.initializer.PublishedVersions.bytes;
import static dev.cairn.initializer.PublishedVersions.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.signing.ModelSigner;
import dev.cairn.signing.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The signature gate (issue 29's exit code 5, issue 28's verification): the packaged initializer
 * refuses an unsigned or untrusted version with exit 5, one stderr line starting with the {@code
 * SIGNATURE_*} code and nothing in place; a signed one installs and names its signer in {@code
 * resolution.json}; the project's {@code require_signature} policy asks for it on a protected alias
 * without any variable.
 */
class SignatureGateIT {

  private static final TestRegistry registry = TestRegistry.shared();
  private static final String PROJECT = TestRegistry.uniqueProject("kserve-sig");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KeyPair signer;
  private static Version unsigned;
  private static Version signed;

  private Path work;
  private InitializerProcess initializer;

  @BeforeAll
  static void publish() throws Exception {
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(PROJECT));
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher.models().create(PROJECT, ModelCreate.named("ink"));
    signer = ecKeyPair();
    ObjectNode policy = JSON.createObjectNode();
    policy
        .putArray("keys")
        .addObject()
        .put("name", "ci")
        .put("pem", Pem.publicKeyPem(signer.getPublic()));
    policy.putArray("roots");
    policy.putArray("identities");
    registry.client(TestTokens.ADMIN).signatures().putTrust(PROJECT, policy);
    unsigned = PublishedVersions.ready(publisher, PROJECT, "ink", null, files("unsigned"));
    Map<String, byte[]> signedFiles = files("signed");
    signed = PublishedVersions.ready(publisher, PROJECT, "ink", null, signedFiles);
    Map<String, String> digests = new HashMap<>();
    signedFiles.forEach((path, content) -> digests.put(path, sha256(content)));
    publisher
        .signatures()
        .putSignature(
            PROJECT,
            "ink",
            signed.version(),
            new ModelSigner(signer.getPrivate(), signer.getPublic())
                .sign("ink", digests, List.of()));
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(PROJECT, "ink", "staging", AliasUpdate.version(unsigned.version(), "try"), null, null);
  }

  @BeforeEach
  void process(TestInfo test) throws Exception {
    work =
        Files.createDirectories(
            Path.of("target", "initializer-it", test.getTestMethod().orElseThrow().getName())
                .resolve(UUID.randomUUID().toString()));
    initializer = new InitializerProcess(Files.createDirectories(work.resolve("logs")));
  }

  @Test
  void anUnsignedVersionIsRefusedWithExitFiveOneLineAndNothingInPlace() throws Exception {
    Path dest = work.resolve("mnt/models");

    InitializerProcess.Result run =
        initializer.run(
            required(keyFile(signer)), uri("ink:" + unsigned.version()), dest.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.SIGNATURE_REFUSED.code());
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0))
        .startsWith("cairn-storage-initializer: signature refused: SIGNATURE_REQUIRED: ink:");
    assertNothingIn(dest);
  }

  @Test
  void aSignedVersionInstallsAndNamesItsSigner() throws Exception {
    Path dest = work.resolve("mnt/models");

    InitializerProcess.Result run =
        initializer.run(required(keyFile(signer)), uri("ink:" + signed.version()), dest.toString());

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode resolution = JSON.readTree(dest.resolve(".cairn/resolution.json").toFile());
    assertThat(resolution.get("signer").asText()).isEqualTo(Pem.hint(signer.getPublic()));
    assertThat(dest.resolve("model/weights.bin")).exists();
  }

  @Test
  void aSignatureByAKeyTheTrustFilesDoNotNameIsUntrusted() throws Exception {
    Path dest = work.resolve("mnt/models");

    InitializerProcess.Result run =
        initializer.run(
            required(keyFile(ecKeyPair())), uri("ink:" + signed.version()), dest.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.SIGNATURE_REFUSED.code());
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0))
        .startsWith("cairn-storage-initializer: signature refused: SIGNATURE_UNTRUSTED");
    assertNothingIn(dest);
  }

  @Test
  void theProjectPolicyAsksForASignatureOnAProtectedAliasOnly() throws Exception {
    CairnClient admin = registry.client(TestTokens.ADMIN);
    admin.models().patch(PROJECT, "ink", protectedStaging());
    Map<String, String> env = base();

    InitializerProcess.Result before =
        initializer.run(env, uri("ink@staging"), work.resolve("a").toString());
    admin.signatures().requireSignature(PROJECT, true);
    InitializerProcess.Result refused =
        initializer.run(env, uri("ink@staging"), work.resolve("b").toString());
    InitializerProcess.Result byVersion =
        initializer.run(env, uri("ink:" + unsigned.version()), work.resolve("c").toString());

    assertThat(before.code()).as(before.err()).isZero();
    assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCode.SIGNATURE_REFUSED.code());
    assertThat(refused.errLines().get(0)).contains("SIGNATURE_REQUIRED");
    assertNothingIn(work.resolve("b"));
    assertThat(byVersion.code()).as("a version ref names no alias: " + byVersion.err()).isZero();
  }

  /**
   * Review 12 item 7: {@code production} is protected on every model (the registry's rule), also on
   * one created without {@code protected_aliases}, which stores none. A production pointer set
   * before the project turned {@code require_signature} on is refused, not installed unverified.
   */
  @Test
  void theProjectPolicyCoversProductionOnAModelWithoutProtectedAliases() throws Exception {
    String project = TestRegistry.uniqueProject("kserve-prod");
    CairnClient admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher.models().create(project, ModelCreate.named("plain"));
    Version plain = PublishedVersions.ready(publisher, project, "plain", null, files("plain"));
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(
            project,
            "plain",
            "production",
            AliasUpdate.version(plain.version(), "before the policy"),
            null,
            null);
    assertThat(admin.models().get(project, "plain").protectedAliases()).isEmpty();
    admin.signatures().requireSignature(project, true);

    InitializerProcess.Result run =
        initializer.run(
            base(), "cairn://" + project + "/plain@production", work.resolve("p").toString());

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.SIGNATURE_REFUSED.code());
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("cairn-storage-initializer: signature refused: SIGNATURE_REQUIRED: plain:");
    assertNothingIn(work.resolve("p"));
  }

  private static ModelPatch protectedStaging() {
    return new ModelPatch(
        null, null, null, null, List.of("production", "staging"), "staging is protected here");
  }

  private Map<String, String> base() throws Exception {
    Path token = Files.writeString(work.resolve("token"), TestTokens.READER + "\n");
    Map<String, String> env = new HashMap<>();
    env.put(InitializerSettings.REGISTRY_URL, registry.uri().toString());
    env.put(InitializerSettings.TOKEN_FILE, token.toString());
    return env;
  }

  private Map<String, String> required(Path trustedKey) throws Exception {
    Map<String, String> env = base();
    env.put("CAIRN_REQUIRE_SIGNATURE", "true");
    env.put("CAIRN_TRUSTED_KEYS", trustedKey.toString());
    return env;
  }

  private Path keyFile(KeyPair pair) throws Exception {
    return Files.writeString(
        work.resolve("trusted-" + UUID.randomUUID() + ".pem"), Pem.publicKeyPem(pair.getPublic()));
  }

  private static void assertNothingIn(Path dest) throws Exception {
    if (Files.exists(dest)) {
      try (Stream<Path> left = Files.list(dest)) {
        assertThat(left.toList()).as("nothing in place").isEmpty();
      }
    }
  }

  private static KeyPair ecKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static String uri(String ref) {
    return "cairn://" + PROJECT + "/" + ref;
  }

  private static Map<String, byte[]> files(String name) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("config.json", bytes("{\"name\":\"" + name + "\",\"project\":\"" + PROJECT + "\"}"));
    files.put("model/weights.bin", bytes(("weights of " + name + " " + PROJECT + " ").repeat(400)));
    return files;
  }
}
