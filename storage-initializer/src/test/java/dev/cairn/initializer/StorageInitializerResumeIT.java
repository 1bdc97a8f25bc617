package dev.cairn.initializer;

import static dev.cairn.initializer.InitializerRuns.assertInstalled;
import static dev.cairn.initializer.InitializerRuns.registry;
import static dev.cairn.initializer.InitializerRuns.store;
import static dev.cairn.initializer.PublishedVersions.bytes;
import static dev.cairn.initializer.PublishedVersions.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A resumed init run (issue 29 item 4): the packaged initializer, stopped by a local error or
 * killed in the middle of a download, keeps what it verified and does not fetch it again.
 */
class StorageInitializerResumeIT {

  private static final String PROJECT = TestRegistry.uniqueProject("kserve-resumed");

  private InitializerRuns runs;

  @BeforeAll
  static void createProject() throws Exception {
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(PROJECT));
  }

  @BeforeEach
  void runs(TestInfo test) throws Exception {
    runs = InitializerRuns.of(PROJECT, test);
  }

  @Test
  void aRestartedRunDoesNotFetchWhatItAlreadyVerified() throws Exception {
    Map<String, byte[]> files = runs.files("resumed");
    Version v = runs.publishAlone("resumed", files);
    Path dest = runs.work.resolve("resumed");
    // The first run stops after config.json is verified: model/weights.bin cannot be written.
    Path blocked = dest.resolve(Installer.TMP).resolve("model/weights.bin.part");
    Files.createDirectories(blocked);
    Files.writeString(blocked.resolve("in-the-way"), "x");

    InitializerProcess.Result first =
        runs.initializer.run(runs.env, runs.uri("resumed@" + v.digest()), dest.toString());

    assertThat(first.code()).as(first.err()).isEqualTo(ExitCode.LOCAL_IO.code());
    assertThat(dest.resolve(Installer.TMP).resolve("config.json"))
        .hasBinaryContent(files.get("config.json"));
    assertThat(dest.resolve("config.json")).doesNotExist();

    // From now on a fetch of config.json would get other bytes: only the verified copy can serve.
    Files.write(
        store().path(sha256(files.get("config.json"))), bytes("swapped config " + runs.project));
    Files.delete(blocked.resolve("in-the-way"));
    Files.delete(blocked);
    // What a run killed in the middle of a download leaves: a part file of some of the bytes.
    Files.write(blocked, Arrays.copyOf(files.get("model/weights.bin"), 100));

    InitializerProcess.Result second =
        runs.initializer.run(runs.env, runs.uri("resumed@" + v.digest()), dest.toString());

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("1 fetched, 1 already verified");
    assertInstalled(dest, files);
    assertThat(dest.resolve(Installer.TMP)).doesNotExist();

    InitializerProcess.Result third =
        runs.initializer.run(runs.env, runs.uri("resumed@" + v.digest()), dest.toString());

    assertThat(third.code()).as(third.err()).isZero();
    assertThat(third.out()).contains("0 fetched, 2 already verified");
    assertInstalled(dest, files);
  }

  @Test
  void aRunKilledInTheMiddleOfADownloadResumesWithoutFetchingWhatItVerified() throws Exception {
    Map<String, byte[]> files = runs.files("killed");
    Version v = runs.publishAlone("killed", files);
    Path dest = runs.work.resolve("killed");
    Path staged = dest.resolve(Installer.TMP);
    InitializerProcess.Started first;
    // The weights download hangs at the proxy, after config.json was fetched and verified.
    try (GateProxy gate =
        new GateProxy(
            new InetSocketAddress("127.0.0.1", registry.uri().getPort()), "weights.bin")) {
      first =
          runs.initializer.start(
              runs.withRegistry("http://127.0.0.1:" + gate.port()),
              runs.uri("killed:" + v.version()),
              dest.toString());
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
    Files.write(store().path(sha256(files.get("config.json"))), bytes("swapped " + runs.project));
    InitializerProcess.Result second =
        runs.initializer.run(runs.env, runs.uri("killed:" + v.version()), dest.toString());

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("1 fetched, 1 already verified");
    assertInstalled(dest, files);
    assertThat(dest.resolve(".cairn/resolution.json")).exists();
  }
}
