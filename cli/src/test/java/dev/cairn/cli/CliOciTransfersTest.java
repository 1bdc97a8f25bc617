package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 29 item 7 from the command line: {@code version import oci://…} pulls a version from the
 * registry's own {@code /v2/} into another model (the password from {@code CAIRN_SOURCE_PASSWORD},
 * never an argument), and {@code version export --modelcar --tar image.tar} writes a docker-load
 * tarball (scratch base: no registry is reachable here) whose layer holds {@code models/<file>}
 * with the version's bytes.
 */
class CliOciTransfersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Path.of("target", "cli-oci", UUID.randomUUID().toString());

  private static TestRegistry registry;
  private static CliRunner cli;
  private static String project;
  private static final Map<String, byte[]> FILES = new HashMap<>();

  @BeforeAll
  static void publish() throws IOException {
    // The registry pulls from itself on loopback, which sources may not reach unless opened.
    registry = TestRegistry.start(Map.of("CAIRN_REFERENCE_ALLOW_CIDRS", "127.0.0.0/8"));
    project = TestRegistry.uniqueProject("cli-oci");
    Path src = Files.createDirectories(DIR.resolve("src/sub"));
    byte[] weights = new byte[200_000];
    new Random(7).nextBytes(weights);
    FILES.put("weights.bin", weights);
    FILES.put("sub/config.json", "{\"k\":1}".getBytes(StandardCharsets.UTF_8));
    for (var f : FILES.entrySet()) {
      Files.write(DIR.resolve("src").resolve(f.getKey()), f.getValue());
    }
    cli =
        new CliRunner(Files.createDirectories(DIR.resolve("home")))
            .withEnv("CAIRN_TOKEN", TestTokens.ADMIN)
            .withEnv("CAIRN_SERVER", registry.uri().toString())
            .withEnv("CAIRN_PROJECT", project)
            .withEnv(VersionTransfers.SOURCE_PASSWORD, TestTokens.READER);
    cli.run("project", "create", project);
    cli.run("model", "create", "m");
    cli.run("model", "create", "copy");
    CliRunner.Result pushed =
        cli.run("version", "push", "m", DIR.resolve("src").toString(), "--name", "v1");
    assertThat(pushed.code()).as(pushed.err()).isZero();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void importPullsAVersionFromAnOciRegistryIntoAnotherModel() {
    String source = "oci+http://127.0.0.1:" + registry.uri().getPort() + "/" + project + "/m:v1";
    CliRunner.Result imported =
        cli.run(
            "version",
            "import",
            source,
            "--model",
            "copy",
            "--name",
            "copied",
            "--source-user",
            "anyone");

    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("READY").contains("imported 2 file(s) into copy:copied");
    Version original = registry.client(TestTokens.READER).versions().get(project, "m", "v1");
    Version copy = registry.client(TestTokens.READER).versions().get(project, "copy", "copied");
    assertThat(pins(copy)).isEqualTo(pins(original));
    assertThat(VersionTransfers.Import.defaultModel(source)).isEqualTo("m");
    assertThat(VersionTransfers.Import.defaultModel("oci://h:5000/a/b@sha256:00")).isEqualTo("b");
  }

  @Test
  void exportWritesAModelcarTarballWhoseLayerHoldsModelsFilesByteForByte() throws IOException {
    Path image = DIR.resolve("out/image.tar");
    CliRunner.Result exported =
        cli.run("version", "export", "m", "v1", "--modelcar", "--tar", image.toString());

    assertThat(exported.code()).as(exported.err()).isZero();
    assertThat(exported.out()).contains("cairn/m:v1").contains("/models/");
    Map<String, byte[]> entries = new HashMap<>();
    JsonNode manifest = JSON.readTree(tarEntry(image, "manifest.json"));
    assertThat(manifest.get(0).get("RepoTags").get(0).asText()).isEqualTo("cairn/m:v1");
    for (JsonNode layer : manifest.get(0).get("Layers")) {
      try (InputStream gz =
              new GZIPInputStream(new ByteArrayInputStream(tarEntry(image, layer.asText())));
          TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          if (entry.isFile()) {
            entries.put(entry.getName().replaceFirst("^\\.?/", ""), tar.readAllBytes());
          }
        }
      }
    }
    assertThat(entries.keySet())
        .containsExactlyInAnyOrder("models/weights.bin", "models/sub/config.json");
    for (var f : FILES.entrySet()) {
      assertThat(entries.get("models/" + f.getKey())).as(f.getKey()).isEqualTo(f.getValue());
    }
    try (var left = Files.list(image.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("the work directory is removed")
          .containsExactly("image.tar");
    }
  }

  @Test
  void exportNeedsExactlyOneDestination() {
    assertThat(cli.run("version", "export", "m", "v1", "--modelcar").code())
        .isEqualTo(ExitCodes.USAGE);
  }

  private static byte[] tarEntry(Path tarball, String name) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.getName().equals(name)) {
          return tar.readAllBytes();
        }
      }
    }
    throw new AssertionError(name + " is not in " + tarball);
  }

  private static Map<String, String> pins(Version v) {
    return v.files().stream().collect(Collectors.toMap(VersionFile::path, VersionFile::sha256));
  }
}
