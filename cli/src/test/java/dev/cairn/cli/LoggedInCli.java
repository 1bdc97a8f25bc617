package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A {@code cairn} logged in to the shared test registry as admin, with a fresh project. */
abstract class LoggedInCli {

  final TestRegistry registry = TestRegistry.shared();
  @TempDir Path home;
  @TempDir Path work;
  CliRunner cli;
  String project;

  @BeforeEach
  void loggedIn() {
    cli = new CliRunner(home);
    project = TestRegistry.uniqueProject("cli");
    CliRunner.Result login =
        cli.runWithInput(
            TestTokens.ADMIN + "\n",
            "login",
            registry.uri().toString(),
            "--token-stdin",
            "--name",
            "test",
            "-p",
            project);
    assertThat(login.code()).as(login.err()).isZero();
    assertThat(cli.run("project", "create", project).code()).isZero();
  }
}
