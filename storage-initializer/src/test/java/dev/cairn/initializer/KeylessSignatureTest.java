package dev.cairn.initializer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.KeylessVector;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 28, keyless in the storage initializer: the OMS {@code valid/sigstore.bundle.json} vector,
 * attached to a version of the reference files in a registry that trusts its identity, installs
 * with {@code CAIRN_SIGSTORE_TRUSTED_ROOT} (its signer in {@code resolution.json}); without it the
 * one failure line names the setting (exit 5); a file that is no trusted root is a usage error.
 */
class KeylessSignatureTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestRegistry registry;
  private static String project;
  private static Version signed;
  private Path work;

  @BeforeAll
  static void publishAndSign() throws Exception {
    // The registry needs the root too, or it refuses the keyless bundle at PUT.
    registry =
        TestRegistry.start(
            Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", KeylessVector.TRUSTED_ROOT.toString()));
    project = TestRegistry.uniqueProject("keyless");
    CairnClient admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("ref"));
    admin.signatures().putTrust(project, KeylessVector.trustPolicy());
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : KeylessVector.FILES) {
      files.put(name, Files.readAllBytes(KeylessVector.MODEL.resolve(name)));
    }
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    signed = PublishedVersions.ready(publisher, project, "ref", null, files);
    publisher.signatures().putSignature(project, "ref", signed.version(), KeylessVector.bundle());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void work() throws Exception {
    work = Files.createDirectories(Path.of("target", "keyless", UUID.randomUUID().toString()));
  }

  @Test
  void withTheRootTheKeylessVersionInstallsAndNamesItsSigner() throws Exception {
    Path dest = work.resolve("mnt/models");
    Run run =
        run(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", KeylessVector.TRUSTED_ROOT.toString()), dest);

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode resolution = JSON.readTree(dest.resolve(".cairn/resolution.json").toFile());
    assertThat(resolution.get("signer").asText()).isEqualTo(KeylessVector.SIGNER);
    assertThat(dest.resolve("signme-1"))
        .hasSameBinaryContentAs(KeylessVector.MODEL.resolve("signme-1"));
  }

  @Test
  void withoutTheRootTheRefusalNamesTheSetting() throws Exception {
    Path dest = work.resolve("mnt/models");
    Run run = run(Map.of(), dest);

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.SIGNATURE_REFUSED.code());
    assertThat(run.err())
        .startsWith("cairn-storage-initializer: signature refused: SIGNATURE_UNTRUSTED: ")
        .contains("CAIRN_SIGSTORE_TRUSTED_ROOT");
    assertThat(dest.resolve("signme-1")).doesNotExist();
  }

  @Test
  void aFileThatIsNoTrustedRootIsAUsageErrorNamingTheSetting() throws Exception {
    Path bad = Files.writeString(work.resolve("root.json"), "[]");
    Run run = run(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", bad.toString()), work.resolve("dest"));

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("CAIRN_SIGSTORE_TRUSTED_ROOT: " + bad);
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  private record Run(int code, String err) {}

  private Run run(Map<String, String> extra, Path dest) throws Exception {
    Path token = Files.writeString(work.resolve("token"), TestTokens.READER + "\n");
    Map<String, String> env = new HashMap<>(extra);
    env.put(InitializerSettings.REGISTRY_URL, registry.uri().toString());
    env.put(InitializerSettings.TOKEN_FILE, token.toString());
    env.put("CAIRN_REQUIRE_SIGNATURE", "true");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        StorageInitializer.run(
            new String[] {"cairn://" + project + "/ref:" + signed.version(), dest.toString()},
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            work.resolve("termination-log"));
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }
}
