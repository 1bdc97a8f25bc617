package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 item 9: the bars of {@code version push --progress} name sizes with one decimal (an 11
 * MB file is 10.5 MiB, not {@code 10/10MiB}; 13 bytes are 13 B, not {@code 0/0MiB}) and show the
 * throughput and the elapsed time.
 */
class PushProgressTest extends LoggedInCli {

  @Test
  void pushBarsNameHumanSizesThroughputAndElapsedTime() throws Exception {
    cli.run("model", "create", "sizes");
    Path dir = Files.createDirectories(work.resolve("sizes"));
    Files.write(dir.resolve("weights.bin"), new byte[11_000_000]);
    Files.writeString(dir.resolve("config.json"), "{\"layers\":2}\n");

    CliRunner.Result push = cli.run("version", "push", "sizes", dir.toString(), "--progress");

    assertThat(push.code()).as(push.err()).isZero();
    assertThat(push.err())
        .contains("weights.bin 100% [")
        .contains("10.5 MiB / 10.5 MiB")
        .contains("config.json 100% [")
        .contains("13 B / 13 B")
        .contains("total (2 files) 100% [")
        .contains("10.5 MiB / 10.5 MiB")
        .containsPattern("[0-9.]+ (B|KiB|MiB|GiB)/s  \\d+:\\d\\d")
        .doesNotContain("0/0MiB")
        .doesNotContain("10/10MiB");
  }
}
