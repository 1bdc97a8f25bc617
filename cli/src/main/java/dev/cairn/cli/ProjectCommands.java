package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ProjectCreate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code project list|get|create|delete}. */
final class ProjectCommands {

  static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.of("NAME", "name"),
          Output.Column.of("DESCRIPTION", "description"),
          Output.Column.wide("CREATED", "created_at"),
          Output.Column.wide("BY", "created_by"));

  private ProjectCommands() {}

  static CommandLine group(Terminal terminal) {
    return Groups.of(
        "project",
        "Projects.",
        List.of(
            new ListProjects(terminal),
            new GetProject(terminal),
            new CreateProject(terminal),
            new DeleteProject(terminal)));
  }

  @Command(name = "list", description = "Projects the token can see.")
  static final class ListProjects extends CliCommand {
    ListProjects(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      CairnClient client = client();
      output().pages(token -> client.projects().list(Output.PAGE_SIZE, token), "name", COLUMNS);
    }
  }

  @Command(name = "get", description = "One project.")
  static final class GetProject extends CliCommand {
    @Parameters(index = "0")
    String name;

    GetProject(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output().one(client().projects().get(name), "name", COLUMNS);
    }
  }

  @Command(name = "create", description = "A new project (admin).")
  static final class CreateProject extends CliCommand {
    @Parameters(index = "0")
    String name;

    @Option(names = "--description")
    String description;

    CreateProject(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output()
          .one(
              client().projects().create(new ProjectCreate(name, description, null)),
              "name",
              COLUMNS);
    }
  }

  @Command(name = "delete", description = "Delete an empty project (admin).")
  static final class DeleteProject extends CliCommand {
    @Parameters(index = "0")
    String name;

    DeleteProject(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      client().projects().delete(name);
      output().say("project " + name + " deleted");
    }
  }
}
