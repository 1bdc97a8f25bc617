package dev.cairn.cli;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionPatch;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code version validate|archive|delete|notes}: changes to a version that exists. */
final class VersionChanges {

  private VersionChanges() {}

  static List<Object> verbs(Terminal terminal) {
    return List.of(
        new Validate(terminal), new Archive(terminal), new Delete(terminal), new Notes(terminal));
  }

  /** The model and version every verb here names. */
  abstract static class OnVersion extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String version;

    OnVersion(Terminal terminal) {
      super(terminal);
    }
  }

  @Command(name = "validate", description = "Run the format's validation again.")
  static final class Validate extends OnVersion {
    Validate(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output()
          .one(
              client().versions().validate(project(), model, version),
              "checksum",
              List.of(
                  Output.Column.of("CHECKSUM", "checksum"),
                  Output.Column.of("LOAD", "load"),
                  Output.Column.of("PHASES", "phases")));
    }
  }

  @Command(name = "archive", description = "Archive a version (it can no longer be activated).")
  static final class Archive extends OnVersion {
    Archive(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output()
          .one(
              client()
                  .versions()
                  .patch(
                      project(),
                      model,
                      version,
                      new VersionPatch(null, null, null, Version.State.ARCHIVED.wire())),
              "version",
              VersionCommands.COLUMNS);
    }
  }

  @Command(name = "delete", description = "Delete a version no alias points at (admin).")
  static final class Delete extends OnVersion {
    Delete(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      client().versions().delete(project(), model, version);
      output().say("version " + model + ":" + version + " deleted");
    }
  }

  @Command(name = "notes", description = "Replace a version's notes.")
  static final class Notes extends OnVersion {
    @Parameters(index = "2", description = "The new notes.")
    String notes;

    Notes(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output()
          .one(
              client().versions().patch(project(), model, version, VersionPatch.notes(notes)),
              "version",
              VersionCommands.COLUMNS);
    }
  }
}
