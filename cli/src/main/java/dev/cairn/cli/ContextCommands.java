package dev.cairn.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code context list|use|add|remove}: named contexts, as kubectl keeps them. */
final class ContextCommands {

  private ContextCommands() {}

  static CommandLine contexts(Terminal terminal) {
    return Groups.of(
        "context",
        "Named contexts (server, token file, project).",
        List.of(
            new ContextList(terminal),
            new ContextUse(terminal),
            new ContextAdd(terminal),
            new ContextRemove(terminal)));
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Contexts; * marks the current one.")
  static final class ContextList extends CliCommand {

    ContextList(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      Contexts.Config config = new Contexts(terminal.configDir()).load();
      List<Row> rows =
          config.contexts().entrySet().stream()
              .map(
                  e ->
                      new Row(
                          e.getKey().equals(config.current()) ? "*" : "",
                          e.getKey(),
                          e.getValue().server(),
                          e.getValue().project()))
              .toList();
      output()
          .many(
              rows,
              "name",
              List.of(
                  Output.Column.of("CURRENT", "current"),
                  Output.Column.of("NAME", "name"),
                  Output.Column.of("SERVER", "server"),
                  Output.Column.of("PROJECT", "project")),
              rows);
    }

    record Row(String current, String name, String server, String project) {}
  }

  @Command(
      name = "use",
      mixinStandardHelpOptions = true,
      description = "Make a context the current one.")
  static final class ContextUse extends CliCommand {

    @Parameters(index = "0")
    String name;

    ContextUse(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      new Contexts(terminal.configDir()).use(name);
      output().say("Using context '" + name + "'.");
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Add a context without switching to it: --server, a token (--token-file or"
              + " --token-stdin) and -p for its default project.")
  static final class ContextAdd extends CliCommand {

    @Parameters(index = "0")
    String name;

    @Option(
        names = "--token-file",
        description = "A file holding the token, read at each command (kept where it is).")
    Path tokenFile;

    @Option(names = "--token-stdin", description = "Read the token from stdin (stored 0600).")
    boolean tokenStdin;

    ContextAdd(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      if (global.server == null || (tokenFile == null) == !tokenStdin) {
        throw new ExitCodes.Failure(
            ExitCodes.USAGE, "give --server and one of --token-file and --token-stdin");
      }
      Contexts contexts = new Contexts(terminal.configDir());
      Contexts.Context context =
          new Contexts.Context(
              global.server,
              tokenFile == null ? null : tokenFile.toAbsolutePath().toString(),
              global.project);
      contexts.add(name, context, tokenStdin ? LoginCommands.Login.readToken(terminal) : null);
      output().say("Context '" + name + "' added.");
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a context (and the token cairn stored for it).")
  static final class ContextRemove extends CliCommand {

    @Parameters(index = "0")
    String name;

    ContextRemove(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      new Contexts(terminal.configDir()).remove(name);
      output().say("Context '" + name + "' removed.");
    }
  }
}
