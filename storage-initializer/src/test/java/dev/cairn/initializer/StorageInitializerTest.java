package dev.cairn.initializer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failures before any request: one stderr line, the usage code, the termination message. */
class StorageInitializerTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void argumentsNotInPairsAreAUsageErrorWrittenToTheTerminationLog() throws Exception {
    Path log = termination();

    int code = run(log, "cairn://ink/m@production");

    assertThat(code).isEqualTo(1);
    assertThat(stderr().lines())
        .singleElement()
        .asString()
        .contains("usage: cairn-storage-initializer src_uri dest_path");
    assertThat(Files.readString(log)).isEqualTo(stderr());
  }

  @Test
  void aHostileUriIsRefusedBeforeAnyRequest() throws Exception {
    int code =
        run(termination(), "cairn://ink/m@production", "/tmp/a", "cairn://ink/m%2F..@p", "/tmp/b");

    assertThat(code).isEqualTo(1);
    assertThat(stderr().lines())
        .singleElement()
        .asString()
        .startsWith(
            "cairn-storage-initializer: usage: 'cairn://ink/m%2F..@p' is not a cairn:// URI");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void noTerminationLogOutsideAContainerIsFine() {
    int code = run(Path.of("target", "no-such-dir", "termination-log"), "only-one");

    assertThat(code).isEqualTo(1);
    assertThat(stderr().lines()).hasSize(1);
  }

  private int run(Path log, String... args) {
    return StorageInitializer.run(
        args,
        Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        log);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static Path termination() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "termination"));
    return Files.writeString(Files.createTempFile(dir, "termination-log", ""), "");
  }
}
