package dev.cairn.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds a resource group ({@code cairn model …}) from its verbs. */
final class Groups {

  private Groups() {}

  /** A group command that, alone, answers with its usage and exit code 1. */
  @Command(mixinStandardHelpOptions = true)
  static final class Group implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "give a verb");
    }
  }

  static CommandLine of(String name, String description, List<Object> verbs) {
    CommandLine group = new CommandLine(new Group());
    group.getCommandSpec().name(name);
    group.getCommandSpec().usageMessage().description(description);
    verbs.forEach(group::addSubcommand);
    return group;
  }
}
