package dev.cairn.initializer;

import static dev.cairn.initializer.PublishedVersions.bytes;
import static dev.cairn.initializer.PublishedVersions.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The KServe-shaped init run (issue 29 item 4): the packaged initializer as a process against a
 * live registry, by alias, version, digest and variant; a tampered blob, an unknown ref, a bad
 * token, an unreachable registry and a resumed run, each with its exit code and one stderr line.
 */
class StorageInitializerIT {

  private static final TestRegistry registry = TestRegistry.shared();
  private static final String PROJECT = TestRegistry.uniqueProject("kserve");
  private static final Map<String, byte[]> LOW = files("low");
  private static final Map<String, byte[]> HIGH = files("high");
  private static Version v1;
  private static Version v2;

  private Path work;
  private InitializerProcess initializer;
  private Map<String, String> env;

  @BeforeAll
  static void publish() throws Exception {
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(PROJECT));
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher
        .models()
        .create(PROJECT, ModelCreate.named("ink").withVariants(List.of("LOW", "HIGH"), "HIGH"));
    v1 = PublishedVersions.ready(publisher, PROJECT, "ink", "LOW", LOW);
    v2 = PublishedVersions.ready(publisher, PROJECT, "ink", "HIGH", HIGH);
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(
            PROJECT,
            "ink",
            "production",
            AliasUpdate.pointers(Map.of("LOW", v1.version(), "HIGH", v2.version()), "serve"),
            null,
            null);
  }

  @BeforeEach
  void process(TestInfo test) throws Exception {
    // Under target/ (kept for reading after a failure), one directory per test and run.
    work =
        Files.createDirectories(
                Path.of("target", "initializer-it", test.getTestMethod().orElseThrow().getName()))
            .resolve(UUID.randomUUID().toString());
    Files.createDirectories(work);
    initializer = new InitializerProcess(Files.createDirectories(work.resolve("logs")));
    env = environment(TestTokens.READER);
  }

  @Test
  void installsTheAliasAndSaysWhatItInstalled() throws Exception {
    Path dest = work.resolve("mnt/models");

    InitializerProcess.Result run = initializer.run(env, uri("ink@production"), dest.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertInstalled(dest, HIGH);
    JsonNode resolution =
        new ObjectMapper().readTree(dest.resolve(".cairn/resolution.json").toFile());
    assertThat(resolution.get("ref").asText()).isEqualTo(uri("ink@production"));
    assertThat(resolution.get("alias").asText()).isEqualTo("production");
    assertThat(resolution.get("version").asText()).isEqualTo(v2.version());
    assertThat(resolution.get("digest").asText()).isEqualTo(v2.digest());
    assertThat(resolution.get("signer").isNull()).isTrue();
    assertThat(Instant.parse(resolution.get("installed_at").asText()))
        .isAfterOrEqualTo(Instant.parse(resolution.get("resolved_at").asText()));
    assertThat(resolution.get("files"))
        .extracting(f -> f.get("path").asText() + "=" + f.get("sha256").asText())
        .containsExactlyInAnyOrder(
            "config.json=" + sha256(HIGH.get("config.json")),
            "model/weights.bin=" + sha256(HIGH.get("model/weights.bin")));
    assertThat(dest.resolve(Installer.TMP)).doesNotExist();
    assertThat(run.out()).contains("2 fetched, 0 already verified");
  }

  @Test
  void installsByVersionByDigestAndByVariantInOneKServeInvocation() throws Exception {
    Path byVersion = work.resolve("by-version");
    Path byDigest = work.resolve("by-digest");
    Path byVariant = work.resolve("by-variant");
    Path byHost = work.resolve("by-host");

    InitializerProcess.Result run =
        initializer.run(
            env,
            uri("ink:" + v1.version()),
            byVersion.toString(),
            uri("ink@" + v2.digest()),
            byDigest.toString(),
            uri("ink@production?variant=LOW"),
            byVariant.toString(),
            "cairn://127.0.0.1:" + registry.uri().getPort() + "/" + PROJECT + "/ink@production",
            byHost.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertInstalled(byVersion, LOW);
    assertInstalled(byDigest, HIGH);
    assertInstalled(byVariant, LOW);
    assertInstalled(byHost, HIGH);
    assertThat(run.out().lines()).hasSize(4);
  }

  @Test
  void aTamperedBlobExitsWithTheDigestLineAndInstallsNothing() throws Exception {
    Map<String, byte[]> files = files("tampered");
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher.models().create(PROJECT, ModelCreate.named("tampered"));
    Version v = PublishedVersions.ready(publisher, PROJECT, "tampered", "default", files);
    String weights = sha256(files.get("model/weights.bin"));
    Files.write(store().path(weights), bytes("swapped weights " + PROJECT));
    Path dest = work.resolve("tampered");

    InitializerProcess.Result run =
        initializer.run(env, uri("tampered:" + v.version()), dest.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.DIGEST_MISMATCH.code()).isEqualTo(3);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("cairn-storage-initializer: digest mismatch: model/weights.bin")
        .contains("expected sha256:" + weights);
    assertThat(dest.resolve("model/weights.bin")).doesNotExist();
    assertThat(dest.resolve("config.json")).doesNotExist();
    assertThat(dest.resolve(".cairn/resolution.json")).doesNotExist();
  }

  @Test
  void anUnknownRefIsNotFound() throws Exception {
    for (String ref :
        List.of("ink@canary", "ink:v99", "nomodel@production", "ink@sha256:" + "0".repeat(64))) {
      InitializerProcess.Result run = initializer.run(env, uri(ref), work.resolve("x").toString());

      assertThat(run.code()).as(ref + ": " + run.err()).isEqualTo(4);
      assertThat(run.errLines()).as(ref).singleElement().asString().contains(": not found");
    }
  }

  @Test
  void aBadTokenIsUnauthorised() throws Exception {
    InitializerProcess.Result run =
        initializer.run(
            environment("not-a-cairn-token"), uri("ink@production"), work.resolve("x").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains(": unauthorised: 401")
        .doesNotContain("not-a-cairn-token");
  }

  @Test
  void anUnreachableRegistryIsSaidSo() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Map<String, String> nowhere = new LinkedHashMap<>(env);
    nowhere.put(InitializerSettings.REGISTRY_URL, "http://127.0.0.1:" + closed);

    InitializerProcess.Result run =
        initializer.run(nowhere, uri("ink@production"), work.resolve("x").toString());

    assertThat(run.code()).isEqualTo(6);
    assertThat(run.errLines()).singleElement().asString().contains(": unreachable: ");
  }

  @Test
  void badArgumentsAreAUsageError() throws Exception {
    assertThat(initializer.run(env, uri("ink@production")).code()).isEqualTo(1);
    InitializerProcess.Result hostile =
        initializer.run(env, "cairn://user@evil/" + PROJECT + "/ink@production", "/tmp/x");
    assertThat(hostile.code()).isEqualTo(1);
    assertThat(hostile.errLines()).singleElement().asString().contains("user information");
  }

  @Test
  void aRestartedRunDoesNotFetchWhatItAlreadyVerified() throws Exception {
    Map<String, byte[]> files = files("resumed");
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher.models().create(PROJECT, ModelCreate.named("resumed"));
    Version v = PublishedVersions.ready(publisher, PROJECT, "resumed", "default", files);
    Path dest = work.resolve("resumed");
    // The first run stops after config.json is verified: model/weights.bin cannot be written.
    Path blocked = dest.resolve(Installer.TMP).resolve("model/weights.bin.part");
    Files.createDirectories(blocked);
    Files.writeString(blocked.resolve("in-the-way"), "x");

    InitializerProcess.Result first =
        initializer.run(env, uri("resumed@" + v.digest()), dest.toString());

    assertThat(first.code()).as(first.err()).isEqualTo(ExitCode.LOCAL_IO.code());
    assertThat(dest.resolve(Installer.TMP).resolve("config.json"))
        .hasBinaryContent(files.get("config.json"));
    assertThat(dest.resolve("config.json")).doesNotExist();

    // From now on a fetch of config.json would get other bytes: only the verified copy can serve.
    Files.write(store().path(sha256(files.get("config.json"))), bytes("swapped config " + PROJECT));
    Files.delete(blocked.resolve("in-the-way"));
    Files.delete(blocked);
    // What a run killed in the middle of a download leaves: a part file of some of the bytes.
    Files.write(blocked, Arrays.copyOf(files.get("model/weights.bin"), 100));

    InitializerProcess.Result second =
        initializer.run(env, uri("resumed@" + v.digest()), dest.toString());

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("1 fetched, 1 already verified");
    assertInstalled(dest, files);
    assertThat(dest.resolve(Installer.TMP)).doesNotExist();

    InitializerProcess.Result third =
        initializer.run(env, uri("resumed@" + v.digest()), dest.toString());

    assertThat(third.code()).as(third.err()).isZero();
    assertThat(third.out()).contains("0 fetched, 2 already verified");
    assertInstalled(dest, files);
  }

  @Test
  void aRunKilledInTheMiddleOfADownloadResumesWithoutFetchingWhatItVerified() throws Exception {
    Map<String, byte[]> files = files("killed");
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher.models().create(PROJECT, ModelCreate.named("killed"));
    Version v = PublishedVersions.ready(publisher, PROJECT, "killed", "default", files);
    Path dest = work.resolve("killed");
    Path staged = dest.resolve(Installer.TMP);
    InitializerProcess.Started first;
    // The weights download hangs at the proxy, after config.json was fetched and verified.
    try (GateProxy gate =
        new GateProxy(
            new InetSocketAddress("127.0.0.1", registry.uri().getPort()), "weights.bin")) {
      Map<String, String> gated = new LinkedHashMap<>(env);
      gated.put(InitializerSettings.REGISTRY_URL, "http://127.0.0.1:" + gate.port());
      first = initializer.start(gated, uri("killed:" + v.version()), dest.toString());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> gate.holding() && Files.exists(staged.resolve("config.json")));
      first.process().destroyForcibly().waitFor();
    }

    assertThat(first.process().exitValue()).isNotZero();
    assertThat(staged.resolve("config.json")).hasBinaryContent(files.get("config.json"));
    assertThat(dest.resolve("config.json")).doesNotExist();
    assertThat(dest.resolve(".cairn/resolution.json")).doesNotExist();

    // A fetch of config.json would now be refused: only the verified copy can serve.
    Files.write(store().path(sha256(files.get("config.json"))), bytes("swapped " + PROJECT));
    InitializerProcess.Result second =
        initializer.run(env, uri("killed:" + v.version()), dest.toString());

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("1 fetched, 1 already verified");
    assertInstalled(dest, files);
    assertThat(dest.resolve(".cairn/resolution.json")).exists();
  }

  private Map<String, String> environment(String token) throws Exception {
    Path file = Files.writeString(work.resolve("token-" + sha256(bytes(token))), token + "\n");
    return Map.of(
        InitializerSettings.REGISTRY_URL, registry.uri().toString(),
        InitializerSettings.TOKEN_FILE, file.toString());
  }

  private static void assertInstalled(Path dest, Map<String, byte[]> files) {
    files.forEach((path, content) -> assertThat(dest.resolve(path)).hasBinaryContent(content));
  }

  private static String uri(String ref) {
    return "cairn://" + PROJECT + "/" + ref;
  }

  private static FileBlobStore store() throws Exception {
    return FileBlobStore.open(registry.dataDir().resolve("blobs"));
  }

  /** Two files whose bytes no other test shares (blobs are stored by digest). */
  private static Map<String, byte[]> files(String name) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("config.json", bytes("{\"name\":\"" + name + "\",\"project\":\"" + PROJECT + "\"}"));
    files.put(
        "model/weights.bin", bytes(("weights of " + name + " " + PROJECT + " ").repeat(4000)));
    return files;
  }
}
