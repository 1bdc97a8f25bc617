package dev.cairn.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code resolve REF [--verify]}: what {@code model@alias}, {@code model:version} or a model names.
 */
@Command(name = "resolve", description = "What a reference names now, per variant.")
final class ResolveCommand extends CliCommand {

  @Parameters(index = "0", description = "model@alias, model:version or model")
  String ref;

  @Option(names = "--verify", description = "Re-hash the bytes on the registry first.")
  boolean verify;

  ResolveCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  public void run() {
    var resolved = client().resolve(project(), ref, null, verify);
    output()
        .one(
            resolved,
            "ref",
            List.of(
                Output.Column.of("MODEL", "model"),
                Output.Column.of("ALIAS", "alias"),
                Output.Column.of("GENERATION", "generation"),
                Output.Column.of("VARIANT", "variant"),
                new Output.Column(
                    "VERSION", false, n -> Output.text(n.path("version").path("version"))),
                new Output.Column(
                    "DIGEST", true, n -> Output.text(n.path("manifest").path("digest")))));
  }
}
