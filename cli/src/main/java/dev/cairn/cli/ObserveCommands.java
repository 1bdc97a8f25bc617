package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.Instance;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Version;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code instances list}, {@code audit log|verify} and {@code std register|check}. */
final class ObserveCommands {

  private ObserveCommands() {}

  static CommandLine instances(Terminal terminal) {
    return Groups.of(
        "instances", "Serving replicas as they report.", List.of(new Instances(terminal)));
  }

  static CommandLine audit(Terminal terminal) {
    return Groups.of(
        "audit",
        "The hash-chained audit log.",
        List.of(new AuditLog(terminal), new AuditVerify(terminal)));
  }

  static CommandLine standards(Terminal terminal) {
    return Groups.of(
        "std",
        "Ink-inspection standards (seed 000).",
        List.of(new StdRegister(terminal), new StdCheck(terminal)));
  }

  @Command(
      name = "list",
      description = "Per replica: state, generation, versions, signers, last error.")
  static final class Instances extends CliCommand {
    @Option(names = "--model")
    String model;

    @Option(names = "--alias")
    String alias;

    Instances(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      List<Instance> instances = client().instances().list(project(), model, alias);
      output()
          .many(
              instances,
              "id",
              List.of(
                  Output.Column.of("INSTANCE", "id"),
                  Output.Column.of("MODEL", "model"),
                  Output.Column.of("STATE", "state"),
                  Output.Column.of("GENERATION", "generation"),
                  new Output.Column(
                      "VERSIONS",
                      false,
                      n -> {
                        StringBuilder versions = new StringBuilder();
                        n.path("loaded")
                            .properties()
                            .forEach(
                                e ->
                                    versions
                                        .append(versions.isEmpty() ? "" : ",")
                                        .append(e.getKey())
                                        .append('=')
                                        .append(e.getValue().path("version").asText()));
                        return versions.isEmpty() ? "-" : versions.toString();
                      }),
                  new Output.Column("SIGNED BY", false, ObserveCommands::signers),
                  Output.Column.of("LAST ERROR", "last_error")),
              instances);
    }
  }

  /**
   * Who signed what each variant serves, as the instance verified it itself ({@code
   * CAIRN_REQUIRE_SIGNATURE=true}, issue 28): {@code variant=signer}, "-" when nothing it serves
   * was checked (a sidecar that does not require signatures reports none).
   */
  static String signers(JsonNode instance) {
    StringBuilder signers = new StringBuilder();
    instance
        .path("loaded")
        .properties()
        .forEach(
            e -> {
              String signer = e.getValue().path("signature").path("signer").asText("");
              if (!signer.isEmpty()) {
                signers
                    .append(signers.isEmpty() ? "" : ",")
                    .append(e.getKey())
                    .append('=')
                    .append(signer);
              }
            });
    return signers.isEmpty() ? "-" : signers.toString();
  }

  @Command(name = "log", description = "Audit entries of the project, newest first.")
  static final class AuditLog extends CliCommand {
    @Option(names = "--action")
    String action;

    @Option(names = "--model")
    String model;

    @Option(
        names = "--since",
        description = "An instant (2026-12-01T10:00:00Z) or an age (90s, 15m, 2h, 7d).")
    String since;

    @Option(names = "--limit", defaultValue = "100")
    int limit;

    AuditLog(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      AuditQuery query = AuditQuery.all().withLimit(limit);
      if (action != null) {
        query = query.withAction(action);
      }
      if (model != null) {
        query = query.forModel(model);
      }
      if (since != null) {
        query = query.since(Since.parse(since, Clock.systemUTC()));
      }
      Page<AuditEntry> page = client().audit().list(project(), query);
      output()
          .many(
              page.items(),
              "seq",
              List.of(
                  Output.Column.of("SEQ", "seq"),
                  Output.Column.of("AT", "at"),
                  Output.Column.of("ACTOR", "actor"),
                  Output.Column.of("ACTION", "action"),
                  Output.Column.of("TARGET", "target"),
                  Output.Column.wide("REASON", "reason")),
              page);
    }
  }

  @Command(name = "verify", description = "Verify the whole audit chain (admin); exit 3 if broken.")
  static final class AuditVerify extends CliCommand {
    AuditVerify(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      var verification = client().audit().verify();
      output()
          .one(
              verification,
              "valid",
              List.of(
                  Output.Column.of("VALID", "valid"),
                  Output.Column.of("ENTRIES", "entries"),
                  Output.Column.of("FIRST INVALID", "first_invalid_seq")));
      if (!verification.valid()) {
        throw new ExitCodes.Failure(
            ExitCodes.INTEGRITY, "the audit chain breaks at seq " + verification.firstInvalidSeq());
      }
    }
  }

  @Command(name = "register", description = "Register a mode's standard from STD images.")
  static final class StdRegister extends StdCommand {
    StdRegister(Terminal terminal) {
      super(terminal, false);
    }
  }

  @Command(
      name = "check",
      description = "The registration's verdict on STD images, keeping nothing.")
  static final class StdCheck extends StdCommand {
    StdCheck(Terminal terminal) {
      super(terminal, true);
    }
  }

  /** What {@code std register} and {@code std check} share. */
  abstract static class StdCommand extends CliCommand {
    private final boolean dryRun;

    @Parameters(index = "0")
    String model;

    @Parameters(index = "1..*", arity = "1..*", description = "STD images.")
    List<Path> images;

    @Option(names = "--mode", required = true)
    String mode;

    @Option(names = "--inks", defaultValue = "2", description = "Expected ink count.")
    int inks;

    StdCommand(Terminal terminal, boolean dryRun) {
      super(terminal);
      this.dryRun = dryRun;
    }

    @Override
    public void run() {
      StdRegistrationRequest request = StdRegistrationRequest.of(mode, images, inks);
      if (dryRun) {
        output()
            .one(
                client().versions().checkStandard(project(), model, request),
                "result",
                List.of(
                    Output.Column.of("RESULT", "result"),
                    // the registry's dry run names the mode as the variant it would be stored in
                    Output.Column.of("MODE", "variant")));
        return;
      }
      Version registered = client().versions().registerStandard(project(), model, request);
      output().one(registered, "version", VersionCommands.COLUMNS);
      FailedVersion.check(registered);
    }
  }
}
