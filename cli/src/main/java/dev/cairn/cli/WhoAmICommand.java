package dev.cairn.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code whoami}: the name, roles and projects the registry sees for these credentials. */
@Command(name = "whoami", description = "Who the registry takes you for: name, roles, projects.")
final class WhoAmICommand extends CliCommand {

  WhoAmICommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  public void run() {
    output()
        .one(
            client().whoami(),
            "name",
            List.of(
                Output.Column.of("NAME", "name"),
                Output.Column.of("ROLES", "roles"),
                Output.Column.of("PROJECTS", "projects")));
  }
}
