package dev.cairn.cli;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code alias list|get|set|rollback|history|delete}.
 *
 * <p>One file per noun of the command tree on purpose (about 240 lines): each subcommand is a short
 * nested class sharing the noun's options and help, so {@code cairn alias --help} reads as this
 * file does.
 */
final class AliasCommands {

  static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.of("ALIAS", "alias"),
          Output.Column.of("GENERATION", "generation"),
          Output.Column.of("POINTERS", "pointers"),
          Output.Column.wide("UPDATED", "updated_at"),
          Output.Column.wide("BY", "updated_by"));

  private AliasCommands() {}

  static CommandLine group(Terminal terminal) {
    return Groups.of(
        "alias",
        "Aliases of a model and their pointers.",
        List.of(
            new ListAliases(terminal),
            new GetAlias(terminal),
            new SetAlias(terminal),
            new Rollback(terminal),
            new History(terminal),
            new DeleteAlias(terminal)));
  }

  @Command(name = "list", description = "A model's aliases.")
  static final class ListAliases extends CliCommand {
    @Parameters(index = "0")
    String model;

    ListAliases(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      List<Alias> aliases = client().aliases().list(project(), model);
      output().many(aliases, "alias", COLUMNS, aliases);
    }
  }

  @Command(name = "get", description = "One alias.")
  static final class GetAlias extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String alias;

    GetAlias(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output().one(client().aliases().get(project(), model, alias), "alias", COLUMNS);
    }
  }

  @Command(
      name = "set",
      description = "Point an alias at a version (or per variant); prints before and after.")
  static final class SetAlias extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String alias;

    @Mixin PointerChange change;

    @Option(
        names = "--if-generation",
        description = "Refuse unless the alias is at this generation.")
    Long ifGeneration;

    SetAlias(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      set(this, model, alias, change.update(), ifGeneration);
    }
  }

  /** Sets {@code alias}; the shared core of {@code alias set} and {@code activate}. */
  static Alias set(
      CliCommand command, String model, String alias, AliasUpdate update, Long ifGeneration) {
    String project = command.project();
    var client = command.client();
    String before = pointersOf(client, project, model, alias);
    Alias after = client.aliases().put(project, model, alias, update, ifGeneration, null);
    command.output().say(alias + ": " + before + " -> " + after.pointers());
    command.output().one(after, "alias", COLUMNS);
    return after;
  }

  private static String pointersOf(CairnClient client, String project, String model, String alias) {
    try {
      return String.valueOf(client.aliases().get(project, model, alias).pointers());
    } catch (CairnApiException e) {
      if (e.status() == 404) {
        return "(none)";
      }
      throw e;
    }
  }

  @Command(
      name = "rollback",
      description = {
        "Back to the alias's previous pointers, as a new generation.",
        "A rollback is itself a generation, so a second rollback goes forward again to where the"
            + " first started, as kubectl rollout undo does (generation 6 gets generation 4's"
            + " pointers). To go further back, name the generation: --to-generation N (see alias"
            + " history).",
        "--variant rolls back only the named variants (seed 000's rollback of one mode); the"
            + " others keep their pointers. The rules of any change of the alias apply: approver"
            + " role for a protected alias, READY and validated versions, complete variants."
      })
  static final class Rollback extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String alias;

    @Option(names = "--reason", required = true)
    String reason;

    @Option(
        names = "--variant",
        description = "A variant to roll back (repeatable); default every variant.")
    List<String> variants;

    @Option(
        names = "--to-generation",
        paramLabel = "N",
        description = "Go back to generation N's pointers instead of the previous generation's.")
    Long toGeneration;

    @Option(
        names = "--approved-by",
        paramLabel = "NAME",
        description =
            "Who approved the rollback, when not you. Needs the approver role; NAME is recorded as"
                + " approver and you as the one who made the change.")
    String approvedBy;

    @Mixin WaitOptions wait;

    Rollback(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output()
          .one(
              client()
                  .aliases()
                  .rollback(
                      project(),
                      model,
                      alias,
                      new AliasRollback(variants, reason, null, toGeneration, approvedBy)),
              "alias",
              COLUMNS);
      wait.follow(this, model, alias);
    }
  }

  @Command(name = "delete", description = "Remove an alias (not production while it serves).")
  static final class DeleteAlias extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String alias;

    @Option(
        names = "--if-generation",
        description = "Refuse unless the alias is at this generation.")
    Long ifGeneration;

    DeleteAlias(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      client().aliases().delete(project(), model, alias, ifGeneration);
      output().say("alias " + alias + " of " + model + " deleted");
    }
  }

  @Command(name = "history", description = "Every generation of an alias, newest first.")
  static final class History extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String alias;

    History(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      CairnClient client = client();
      String project = project();
      output()
          .pages(
              token -> client.aliases().history(project, model, alias, Output.PAGE_SIZE, token),
              "generation",
              List.of(
                  Output.Column.of("GENERATION", "generation"),
                  Output.Column.of("ACTION", "action"),
                  Output.Column.of("POINTERS", "pointers"),
                  Output.Column.of("BY", "actor"),
                  Output.Column.wide("AT", "at"),
                  Output.Column.of("REASON", "reason")));
    }
  }
}
