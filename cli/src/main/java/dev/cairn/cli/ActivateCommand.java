package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin PointerChange change;

  @Mixin WaitOptions wait;

  ActivateCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  public void run() {
    AliasCommands.set(this, model, "production", change.update(), null);
    wait.follow(this, model, "production");
  }
}
