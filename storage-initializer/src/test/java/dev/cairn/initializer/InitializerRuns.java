package dev.cairn.initializer;

import static dev.cairn.initializer.PublishedVersions.bytes;
import static dev.cairn.initializer.PublishedVersions.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInfo;

/**
 * One test's init runs against the shared live registry: its own directory under {@code target/}
 * (kept for reading after a failure), the packaged initializer as a process, and a reader's
 * environment; with the publishing and checking the initializer ITs share.
 */
final class InitializerRuns {

  static final TestRegistry registry = TestRegistry.shared();

  final String project;
  final Path work;
  final InitializerProcess initializer;
  final Map<String, String> env;

  private InitializerRuns(String project, Path work) throws Exception {
    this.project = project;
    this.work = work;
    this.initializer = new InitializerProcess(Files.createDirectories(work.resolve("logs")));
    this.env = environment(TestTokens.READER);
  }

  /** One directory per test method and run, so a re-run never meets an earlier run's files. */
  static InitializerRuns of(String project, TestInfo test) throws Exception {
    Path work =
        Files.createDirectories(
            Path.of("target", "initializer-it", test.getTestMethod().orElseThrow().getName())
                .resolve(UUID.randomUUID().toString()));
    return new InitializerRuns(project, work);
  }

  /** The initializer's environment with {@code token} in its token file. */
  Map<String, String> environment(String token) throws Exception {
    Path file = Files.writeString(work.resolve("token-" + sha256(bytes(token))), token + "\n");
    return Map.of(
        InitializerSettings.REGISTRY_URL, registry.uri().toString(),
        InitializerSettings.TOKEN_FILE, file.toString());
  }

  /** The environment with the registry URL pointed at {@code url}. */
  Map<String, String> withRegistry(String url) {
    Map<String, String> changed = new LinkedHashMap<>(env);
    changed.put(InitializerSettings.REGISTRY_URL, url);
    return changed;
  }

  String uri(String ref) {
    return "cairn://" + project + "/" + ref;
  }

  /** A new model of one READY version holding {@link #files(String)} of its name. */
  Version publishAlone(String model, Map<String, byte[]> files) throws Exception {
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher.models().create(project, ModelCreate.named(model));
    return PublishedVersions.ready(publisher, project, model, "default", files);
  }

  /** Two files whose bytes no other test shares (blobs are stored by digest). */
  Map<String, byte[]> files(String name) {
    return files(project, name);
  }

  static Map<String, byte[]> files(String project, String name) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("config.json", bytes("{\"name\":\"" + name + "\",\"project\":\"" + project + "\"}"));
    files.put(
        "model/weights.bin", bytes(("weights of " + name + " " + project + " ").repeat(4000)));
    return files;
  }

  /** The registry's own blob store, for tests that change the bytes behind a digest. */
  static FileBlobStore store() throws Exception {
    return FileBlobStore.open(registry.dataDir().resolve("blobs"));
  }

  static void assertInstalled(Path dest, Map<String, byte[]> files) {
    files.forEach((path, content) -> assertThat(dest.resolve(path)).hasBinaryContent(content));
  }
}
