package dev.cairn.initializer;

import static dev.cairn.initializer.InitializerRuns.registry;
import static dev.cairn.initializer.InitializerRuns.store;
import static dev.cairn.initializer.PublishedVersions.bytes;
import static dev.cairn.initializer.PublishedVersions.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The refusals of the KServe-shaped init run (issue 29 item 4): the packaged initializer as a
 * process against a live registry meets a tampered blob, an unknown ref, a bad token, an
 * unreachable registry and bad arguments, each with its exit code and one stderr line.
 */
class StorageInitializerRefusalIT {

  private static final String PROJECT = TestRegistry.uniqueProject("kserve-refused");

  private InitializerRuns runs;

  /** The model the unknown refs name, so an unknown alias or version is refused as such. */
  @BeforeAll
  static void createModel() throws Exception {
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(PROJECT));
    registry.client(TestTokens.PUBLISHER).models().create(PROJECT, ModelCreate.named("ink"));
  }

  @BeforeEach
  void runs(TestInfo test) throws Exception {
    runs = InitializerRuns.of(PROJECT, test);
  }

  @Test
  void aTamperedBlobExitsWithTheDigestLineAndInstallsNothing() throws Exception {
    Map<String, byte[]> files = runs.files("tampered");
    Version v = runs.publishAlone("tampered", files);
    String weights = sha256(files.get("model/weights.bin"));
    Files.write(store().path(weights), bytes("swapped weights " + runs.project));
    Path dest = runs.work.resolve("tampered");

    InitializerProcess.Result run =
        runs.initializer.run(runs.env, runs.uri("tampered:" + v.version()), dest.toString());

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
      InitializerProcess.Result run =
          runs.initializer.run(runs.env, runs.uri(ref), runs.work.resolve("x").toString());

      assertThat(run.code()).as(ref + ": " + run.err()).isEqualTo(4);
      assertThat(run.errLines()).as(ref).singleElement().asString().contains(": not found");
    }
  }

  @Test
  void aBadTokenIsUnauthorised() throws Exception {
    InitializerProcess.Result run =
        runs.initializer.run(
            runs.environment("not-a-cairn-token"),
            runs.uri("ink@production"),
            runs.work.resolve("x").toString());

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
    Map<String, String> nowhere = runs.withRegistry("http://127.0.0.1:" + closed);

    InitializerProcess.Result run =
        runs.initializer.run(
            nowhere, runs.uri("ink@production"), runs.work.resolve("x").toString());

    assertThat(run.code()).isEqualTo(6);
    assertThat(run.errLines()).singleElement().asString().contains(": unreachable: ");
  }

  @Test
  void badArgumentsAreAUsageError() throws Exception {
    assertThat(runs.initializer.run(runs.env, runs.uri("ink@production")).code()).isEqualTo(1);
    InitializerProcess.Result hostile =
        runs.initializer.run(
            runs.env,
            "cairn://user@evil/" + runs.project + "/ink@production",
            runs.work.resolve("x").toString());
    assertThat(hostile.code()).isEqualTo(1);
    assertThat(hostile.errLines()).singleElement().asString().contains("user information");
  }
}
