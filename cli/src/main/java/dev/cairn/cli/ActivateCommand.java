package dev.cairn.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code activate}: {@code alias set production}, optionally waiting until every replica serves.
 */
@Command(
    name = "activate",
    description = "Point production at a version (or one per variant); --wait until it serves.")
final class ActivateCommand extends CliCommand {

  @Parameters(index = "0")
  String model;

  @Option(names = "--version", description = "The version, for the model's variant of it.")
  String version;

  @Option(names = "--pointer", description = "VARIANT=VERSION (repeatable).")
  Map<String, String> pointers;

  @Option(names = "--reason", required = true)
  String reason;

  @Mixin WaitOptions wait;

  ActivateCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  public void run() {
    AliasCommands.set(this, model, "production", version, pointers, reason, null);
    wait.follow(this, model, "production");
  }
}
