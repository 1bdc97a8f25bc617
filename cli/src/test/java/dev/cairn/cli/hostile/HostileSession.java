package dev.cairn.cli.hostile;

import dev.cairn.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The CLI against a registry that lies, for each test: a {@link HostileRegistry} started before it
 * and closed after it, and a CLI whose home is a scratch directory, logged in to it with token
 * {@code t} and project {@code p}. Registered with {@code @RegisterExtension}; the test's own
 * {@code @BeforeEach} runs after it, so it can already give the registry its answers.
 */
final class HostileSession implements BeforeEachCallback, AfterEachCallback {

  /** The CLI's home: a fresh directory under {@code target/hostile}. */
  final Path home;

  /** The registry of the running test (set before it, closed after it). */
  HostileRegistry registry;

  /** The CLI of the running test, logged in to {@link #registry}. */
  CliRunner cli;

  HostileSession(String prefix) {
    this.home = ScratchDir.create(prefix);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    registry = HostileRegistry.start();
    cli =
        new CliRunner(home)
            .withEnv("CAIRN_SERVER", registry.url())
            .withEnv("CAIRN_TOKEN", "t")
            .withEnv("CAIRN_PROJECT", "p");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    registry.close();
  }
}
