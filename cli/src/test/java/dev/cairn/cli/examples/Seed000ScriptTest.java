package dev.cairn.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.InkImages;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.config.SidecarSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, must show 1 and 3: {@code examples/seed-000-cli.sh} runs seed 000 with the {@code
 * cairn} command line alone — each command a JVM of its own, as a shell runs it — against an empty
 * registry and a real sidecar, from {@code login} to an inspection verdict, with {@code activate
 * --wait} returning once the sidecar reports the new versions.
 */
class Seed000ScriptTest {

  private static final String PROJECT = "sku001";

  @TempDir Path home;
  @TempDir Path images;
  @TempDir Path cache;

  @Test
  void theSeedFlowRunsWithTheCommandLineAlone() throws Exception {
    writeImages();
    try (TestRegistry registry = TestRegistry.start(Map.of("CAIRN_SCRUB_BYTES_PER_SECOND", "0"));
        Sidecar sidecar =
            Sidecar.start(
                SidecarSettings.loopback(
                        registry.uri(),
                        TestTokens.SIDECAR,
                        PROJECT,
                        "sku001-ink-a",
                        cache,
                        "line-3-a")
                    .withPeriods(Duration.ofSeconds(5), Duration.ofSeconds(1)))) {
      ProcessBuilder script =
          new ProcessBuilder("bash", Path.of("..", "examples", "seed-000-cli.sh").toString())
              .redirectErrorStream(true);
      Map<String, String> env = script.environment();
      env.put("CAIRN", launcher().toString());
      env.put("CAIRN_SERVER", registry.uri().toString());
      env.put("SIDECAR_URL", "http://127.0.0.1:" + sidecar.port());
      env.put("IMAGES", images.toString());
      env.put("PROJECT", PROJECT);
      env.put("HOME", home.toString());
      env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
      Path log = home.resolve("script.log");
      Path token = Files.writeString(home.resolve("admin-token"), TestTokens.ADMIN + "\n");
      Process process = script.redirectInput(token.toFile()).redirectOutput(log.toFile()).start();

      boolean finished = process.waitFor(300, TimeUnit.SECONDS);
      String output = Files.readString(log, StandardCharsets.UTF_8);

      assertThat(finished).as(output).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output)
          .containsPattern("(?m)^production +INCOMPLETE +- +MID,LOW,HIGH +0/1$")
          .containsPattern("(?m)^production +INACTIVE +- +MID,LOW,HIGH +0/1$")
          .contains("production: (none) -> {HIGH=v3, LOW=v1, MID=v2}\nALIAS")
          .contains("serving 0/1\nserving 1/1\n")
          .containsPattern("(?m)^production +ACTIVE +HIGH=v3,LOW=v1,MID=v2 +- +1/1$")
          .containsPattern("(?m)^sample\\.png +OK +- +sku001-ink-a +\\S+ +HIGH +v3$")
          .containsPattern(
              "(?m)^3 +ALIAS_ROLLBACK +HIGH=v3,LOW=v1,MID=v2 +bootstrap-admin +HIGH too")
          .contains("\"decision\" : \"OK\"")
          .contains("\"generation\" : 3");
    }
  }

  /** Three STD images per mode (and a second HIGH set), and a sample of the same two inks. */
  private void writeImages() throws Exception {
    int seed = 1;
    for (String mode : List.of("LOW", "MID", "HIGH", "HIGH2")) {
      for (int i = 0; i < 3; i++, seed++) {
        Files.write(
            images.resolve("std-" + mode + "-" + i + ".png"),
            InkImages.twoInks(240, 180, seed).png());
      }
    }
    Files.write(images.resolve("sample.png"), InkImages.twoInks(240, 180, 42).png());
  }

  /** {@code cairn} for the script: this JVM's java and test class path. */
  private Path launcher() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path launcher = home.resolve("cairn");
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec '"
            + java
            + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '"
            + System.getProperty("java.class.path")
            + "' dev.cairn.cli.CairnCli \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
    return launcher;
  }
}
