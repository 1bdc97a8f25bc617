package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, must show 2: a 300 MB file pushed by a {@code cairn} limited to a 128 MB heap (so it is
 * streamed), with progress bars and its digest printed; a push killed half-way resumes and sends
 * only what the registry lacks; the pull, also in 128 MB, writes identical bytes.
 */
class LargePushTest extends LoggedInCli {

  private static final long SIZE = 300L * 1000 * 1000;

  @Test
  void a300MegabyteFileIsPushedKilledResumedAndPulledInA128MegabyteHeap() throws Exception {
    cli.run("model", "create", "big");
    Path small = Files.writeString(work.resolve("a-config.json"), "{\"layers\":48}");
    Path large = write(work.resolve("b-weights.bin"), SIZE);

    Process killed =
        cairn(
            "push-killed",
            "version",
            "push",
            "big",
            small.toString(),
            large.toString(),
            "--name",
            "v1",
            "--parallel",
            "1",
            "--progress");
    waitUntilOnlyTheSmallFileIsStored();
    killed.destroyForcibly().waitFor();
    assertThat(version().state()).isEqualTo("PENDING");

    Process resumed =
        cairn(
            "push",
            "version",
            "push",
            "big",
            small.toString(),
            large.toString(),
            "--name",
            "v1",
            "--progress");
    assertThat(resumed.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(work.resolve("push.out"));
    String err = Files.readString(work.resolve("push.err"));
    assertThat(resumed.exitValue()).as(err).isZero();
    String sha = sha256(large);
    assertThat(out).contains("READY").contains("digest sha256:");
    assertThat(err).contains("b-weights.bin").contains("MiB").doesNotContain("a-config.json");
    assertThat(version().files().stream().filter(f -> f.path().equals("b-weights.bin")))
        .singleElement()
        .satisfies(f -> assertThat(f.sha256()).isEqualTo(sha));

    Path pulled = work.resolve("pulled");
    Process pull = cairn("pull", "version", "pull", "big", "v1", pulled.toString());
    assertThat(pull.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(pull.exitValue()).as(Files.readString(work.resolve("pull.err"))).isZero();
    assertThat(sha256(pulled.resolve("b-weights.bin"))).isEqualTo(sha);
    assertThat(Files.size(pulled.resolve("b-weights.bin"))).isEqualTo(SIZE);
  }

  private Version version() {
    return registry.client(TestTokens.ADMIN).versions().get(project, "big", "v1");
  }

  private void waitUntilOnlyTheSmallFileIsStored() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try {
        Version v = version();
        if (v.files().stream()
            .anyMatch(f -> f.path().equals("a-config.json") && Boolean.TRUE.equals(f.present()))) {
          return;
        }
      } catch (RuntimeException notYetDeclared) {
        // the push is still hashing
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the small file was never stored");
  }

  /**
   * {@code cairn ARGS} in a JVM of its own with a 128 MB heap; output in {@code <name>.out/err}.
   */
  private Process cairn(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx128m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CairnCli.class.getName());
    command.addAll(List.of(args));
    command.addAll(List.of("--server", registry.uri().toString(), "-p", project));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CAIRN_TOKEN", TestTokens.ADMIN);
    builder.environment().put("XDG_CONFIG_HOME", home.resolve("child").toString());
    return builder
        .redirectOutput(work.resolve(name + ".out").toFile())
        .redirectError(work.resolve(name + ".err").toFile())
        .start();
  }

  /** {@code size} bytes of seeded noise, written 1 MiB at a time. */
  private static Path write(Path file, long size) throws IOException {
    SplittableRandom random = new SplittableRandom(300);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= block.length) {
        random.nextBytes(block);
        out.write(block, 0, (int) Math.min(block.length, left));
      }
    }
    return file;
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
