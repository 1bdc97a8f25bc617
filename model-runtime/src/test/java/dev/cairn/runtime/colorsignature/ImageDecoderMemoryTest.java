package dev.cairn.runtime.colorsignature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.runtime.testing.UniformPng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 1: without {@code -XX:+ExitOnOutOfMemoryError} the JDK's PNG reader wraps an
 * {@code OutOfMemoryError} in an {@code IIOException}, which the decoder reported as {@code
 * UNSUPPORTED_IMAGE} "not a readable PNG": a valid print blamed for the server's heap. A JVM with a
 * 48 MB heap decoding a valid 20-megapixel PNG (60 MB decoded) must report the shortfall.
 */
class ImageDecoderMemoryTest {

  @Test
  void aValidImageThatDoesNotFitTheHeapIsAMemoryShortfallNotAnUnreadableImage() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "small-heap");
    Path png = Files.write(dir.resolve("big.png"), UniformPng.rgb(5000, 4000, 250, 250, 245));
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx48m",
                "-cp",
                System.getProperty("java.class.path"),
                DecodeInSmallHeap.class.getName(),
                png.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue())
        .as(() -> "exit code; child log:\n" + read(dir.resolve("child.log")))
        .isEqualTo(DecodeInSmallHeap.MEMORY_EXHAUSTED);
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(none)";
    }
  }
}
