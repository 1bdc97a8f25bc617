package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.color.Lab;
import dev.cairn.runtime.testing.InkImages;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.config.SidecarSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 item 10: the tables show what matters — a row per verified file, a row per inspected
 * image naming the model, SKU, mode and version that judged, the mode a standard was checked in,
 * and the aliases of an annotated version.
 */
class CliTablesTest extends LoggedInCli {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void versionVerifyPrintsOneRowPerFile() throws Exception {
    cli.run("model", "create", "files");
    Path dir = Files.createDirectories(work.resolve("files/sub"));
    Files.writeString(dir.getParent().resolve("model.bin"), "weights");
    Files.writeString(dir.resolve("config.json"), "{}");
    cli.run("version", "push", "files", dir.getParent().toString());

    CliRunner.Result verified = cli.run("version", "verify", "files", "v1");

    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.out().lines())
        .hasSize(3)
        .first()
        .asString()
        .matches("PATH +STATUS +SHA256");
    assertThat(verified.out())
        .containsPattern("(?m)^model\\.bin +OK +[0-9a-f]{64}$")
        .containsPattern("(?m)^sub/config\\.json +OK +[0-9a-f]{64}$");
    assertThat(JSON.readTree(cli.run("version", "verify", "files", "v1", "-o", "json").out()))
        .isEqualTo(
            JSON.readTree(
                registry
                    .http()
                    .post(
                        "/api/v1/projects/" + project + "/models/files/versions/v1/verify",
                        TestTokens.ADMIN,
                        "")
                    .body()));
  }

  @Test
  void versionNotesShowsTheAliasesOfAVersionInProduction() {
    cli.run("model", "create", "noted");
    cli.run("version", "push", "noted", write("w.bin").toString());
    cli.run("activate", "noted", "--version", "v1", "--reason", "first");

    CliRunner.Result noted = cli.run("version", "notes", "noted", "v1", "checked by hand");

    assertThat(noted.code()).as(noted.err()).isZero();
    assertThat(noted.out()).containsPattern("(?m)^v1 +default +READY +\\S+ +production$");
  }

  @Test
  void stdCheckNamesTheModeItChecked() throws Exception {
    cli.run("model", "create", "ink", "--variant", "LOW", "--variant", "MID");

    CliRunner.Result checked = cli.run(std("check", "ink", "LOW"));

    assertThat(checked.code()).as(checked.err()).isZero();
    assertThat(checked.out()).containsPattern("(?m)^STD_ACCEPTABLE +LOW$");
  }

  @Test
  void inspectPrintsOneRowPerImageWithTheModelSkuModeAndVersionThatJudged() throws Exception {
    cli.run("model", "create", "sku001-ink-a", "--variant", "MID", "--label", "sku=SKU001");
    assertThat(cli.run(std("register", "sku001-ink-a", "MID")).code()).isZero();
    cli.run("activate", "sku001-ink-a", "--version", "v1", "--reason", "first");
    Path good = png("good.png", InkImages.twoInks(240, 180, 42).png());
    Path also = png("also.png", InkImages.twoInks(240, 180, 43).png());
    Path bright =
        png(
            "bright.png",
            InkImages.sheet(240, 180)
                .ink(InkImages.BLUE, 0.4)
                .ink(InkImages.RED, 0.6)
                .paper(new Lab(100, 0, 0))
                .noise(2)
                .seed(44)
                .png());

    try (Sidecar sidecar =
        Sidecar.start(
            SidecarSettings.loopback(
                    registry.uri(),
                    TestTokens.SIDECAR,
                    project,
                    "sku001-ink-a",
                    work.resolve("cache"),
                    "tables")
                .withPeriods(Duration.ofSeconds(5), Duration.ofSeconds(1)))) {
      await().atMost(Duration.ofSeconds(30)).until(sidecar::ready);
      String url = "http://127.0.0.1:" + sidecar.port();

      CliRunner.Result table =
          cli.run(
              "inspect",
              "--sidecar",
              url,
              good.toString(),
              also.toString(),
              bright.toString(),
              "--sku",
              "SKU001");

      assertThat(table.code()).as(table.err()).isZero();
      assertThat(table.out().lines()).hasSize(4);
      assertThat(table.out())
          .containsPattern("(?m)^IMAGE +DECISION +REASONS +MODEL +SKU +MODE +VERSION$")
          .containsPattern("(?m)^good\\.png +OK +- +sku001-ink-a +SKU001 +MID +v1$")
          .containsPattern("(?m)^also\\.png +OK +- +sku001-ink-a +SKU001 +MID +v1$")
          .containsPattern(
              "(?m)^bright\\.png +RETAKE +OVEREXPOSED +sku001-ink-a +SKU001 +MID +v1$");
    }
  }

  private String[] std(String verb, String model, String mode) throws Exception {
    List<String> args = new ArrayList<>(List.of("std", verb, model, "--mode", mode));
    for (int i = 0; i < 3; i++) {
      args.add(png("std-" + i + ".png", InkImages.twoInks(240, 180, i + 1).png()).toString());
    }
    return args.toArray(String[]::new);
  }

  private Path png(String name, byte[] bytes) throws Exception {
    return Files.write(work.resolve(name), bytes);
  }

  private Path write(String name) {
    try {
      return Files.writeString(work.resolve(name), "weights of " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
