package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 18: {@code activate --pointer HIGH=v7} for a version that does not exist exited 2
 * with {@code VERSION_NOT_READY:v7}; the registry now answers 404 {@code VERSION_NOT_FOUND}, which
 * the CLI reports as "not found" (exit 4).
 */
class ActivateMissingVersionTest extends LoggedInCli {

  @Test
  void activatingAVersionThatDoesNotExistExitsNotFound() {
    cli.run("model", "create", "ink", "--variant", "LOW", "--variant", "HIGH");

    CliRunner.Result activate =
        cli.run("activate", "ink", "--pointer", "HIGH=v7", "--reason", "no such version");

    assertThat(activate.code()).as(activate.err()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(activate.err()).contains("VERSION_NOT_FOUND").contains("v7");
  }
}
