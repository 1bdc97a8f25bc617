package dev.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.JarReplica;
import dev.cairn.registry.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@code helm test} runs: passes on a ready registry with auth on, fails when unreachable. */
class InstallCheckTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void passesOnAReadyRegistryWithAuthenticationOn() {
    int exit = InstallCheck.run(TestRegistry.shared().uri(), print(out), print(err));

    assertThat(exit).as(text(err)).isZero();
    assertThat(text(out)).startsWith("ok: ").contains("is ready, auth on");
  }

  @Test
  void failsWhenNothingAnswers() throws Exception {
    URI closed = URI.create("http://127.0.0.1:" + JarReplica.freePort());

    int exit = InstallCheck.run(closed, print(out), print(err));

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).startsWith("cannot reach " + closed);
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream buffer) {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
