package dev.cairn.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait [--timeout S]} of the commands that move an alias. */
final class WaitOptions {

  @Option(
      names = "--wait",
      description = "Wait until every serving replica is on the new pointers.")
  boolean await;

  @Option(
      names = "--timeout",
      defaultValue = "120",
      description = "Seconds --wait waits (default 120); exit 5 when they pass.")
  long timeoutSeconds;

  void follow(CliCommand command, String model, String alias) {
    if (await) {
      new ServingWait(command.session(), model, alias).until(Duration.ofSeconds(timeoutSeconds));
    }
  }
}
