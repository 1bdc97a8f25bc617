package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelDelete;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.ModelQuery;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code model list|get|create|archive|delete|status}. */
final class ModelCommands {

  static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.of("NAME", "name"),
          Output.Column.of("STATE", "state"),
          Output.Column.of("VARIANTS", "variants"),
          Output.Column.of("LABELS", "labels"),
          Output.Column.wide("ID", "id"),
          Output.Column.wide("CREATED", "created_at"));

  /** Deleted models: who deleted each, when and why. */
  static final List<Output.Column> DELETED_COLUMNS =
      List.of(
          Output.Column.of("NAME", "name"),
          Output.Column.of("DELETED", "deleted_at"),
          Output.Column.of("BY", "deleted_by"),
          Output.Column.of("REASON", "delete_reason"),
          Output.Column.wide("ID", "id"));

  private ModelCommands() {}

  static CommandLine group(Terminal terminal) {
    return Groups.of(
        "model",
        "Models of a project.",
        List.of(
            new ListModels(terminal),
            new GetModel(terminal),
            new CreateModel(terminal),
            new ArchiveModel(terminal),
            new DeleteModel(terminal),
            new ModelStatus(terminal)));
  }

  @Command(name = "list", description = "Models, by name.")
  static final class ListModels extends CliCommand {
    @Option(names = "--label", description = "key=value (repeatable; all must match).")
    Map<String, String> labels = Map.of();

    @Option(
        names = "--state",
        description =
            "LIVE, ARCHIVED or DELETED (deleted models, with who deleted each and why); default"
                + " LIVE and ARCHIVED.")
    String state;

    ListModels(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      List<String> filters =
          labels.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
      CairnClient client = client();
      String project = project();
      output()
          .pages(
              token ->
                  client
                      .models()
                      .list(
                          project,
                          new ModelQuery(state, filters, null, "name", Output.PAGE_SIZE, token)),
              "name",
              Model.State.DELETED.is(state) ? DELETED_COLUMNS : COLUMNS);
    }
  }

  @Command(name = "get", description = "One model.")
  static final class GetModel extends CliCommand {
    @Parameters(index = "0")
    String name;

    GetModel(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output().one(client().models().get(project(), name), "name", COLUMNS);
    }
  }

  @Command(name = "create", description = "A new model.")
  static final class CreateModel extends CliCommand {
    @Parameters(index = "0")
    String name;

    @Option(names = "--variant", description = "A variant (repeatable); the first is the default.")
    List<String> variants = List.of();

    @Option(names = "--label", description = "key=value (repeatable).")
    Map<String, String> labels = Map.of();

    @Option(names = "--description")
    String description;

    CreateModel(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      ModelCreate request = ModelCreate.named(name).withLabels(labels).withDescription(description);
      if (!variants.isEmpty()) {
        request = request.withVariants(variants, variants.get(0));
      }
      output().one(client().models().create(project(), request), "name", COLUMNS);
    }
  }

  @Command(
      name = "archive",
      description =
          "Archive a model (its status reads ARCHIVED); aliases keep their pointers. --reason is"
              + " recorded in the audit log.")
  static final class ArchiveModel extends CliCommand {
    @Parameters(index = "0")
    String name;

    @Option(names = "--reason", description = "Why; recorded in the audit log.")
    String reason;

    ArchiveModel(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output()
          .one(
              client()
                  .models()
                  .patch(project(), name, ModelPatch.state(Model.State.ARCHIVED.wire(), reason)),
              "name",
              COLUMNS);
    }
  }

  @Command(
      name = "delete",
      description = {
        "Delete a model, live or archived, in one call (admin). Refused (exit 2, VERSION_IN_USE)"
            + " while an alias points at one of its versions, naming the aliases; --force deletes"
            + " anyway and the audit log keeps the pointers.",
        "You and --reason are recorded; deleted models are listed by model list --state DELETED,"
            + " and the name can be used again."
      })
  static final class DeleteModel extends CliCommand {
    @Parameters(index = "0")
    String name;

    @Option(names = "--reason", required = true, description = "Why; kept with the deleted model.")
    String reason;

    @Option(names = "--force", description = "Delete even while an alias points at a version.")
    boolean force;

    DeleteModel(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      client()
          .models()
          .delete(project(), name, new ModelDelete(reason, force ? Boolean.TRUE : null));
      output().say("model " + name + " deleted");
    }
  }

  @Command(name = "status", description = "ACTIVE/INCOMPLETE/INACTIVE, pointers, serving.")
  static final class ModelStatus extends CliCommand {
    @Parameters(index = "0")
    String name;

    @Option(names = "--alias", defaultValue = "production")
    String alias;

    ModelStatus(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output()
          .one(
              client().models().status(project(), name, alias),
              "status",
              List.of(
                  Output.Column.of("ALIAS", "alias"),
                  Output.Column.of("STATUS", "status"),
                  Output.Column.of("POINTERS", "active"),
                  Output.Column.of("MISSING", "missing"),
                  new Output.Column(
                      "SERVING",
                      false,
                      n ->
                          n.path("serving").path("on_target").asInt()
                              + "/"
                              + n.path("serving").path("instances").asInt())));
    }
  }
}
