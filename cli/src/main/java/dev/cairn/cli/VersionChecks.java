package dev.cairn.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code version verify}: whether a version's bytes are what it says — re-hashed by the registry,
 * or, with {@code --signature} or {@code --key}, its OMS signature checked here against the
 * project's trust policy or the given keys ({@link SignatureCheck}), so a caller need not trust the
 * registry's own word.
 */
final class VersionChecks {

  private VersionChecks() {}

  @Command(
      name = "verify",
      description =
          "Have the registry re-hash the version's bytes; with --signature or --key, check its"
              + " OMS signature here instead.")
  static final class Verify extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String version;

    @Option(
        names = "--signature",
        arity = "0..1",
        fallbackValue = "",
        paramLabel = "FILE",
        description = "Check the signature here: this model.sig, or (no FILE) the registry's.")
    String signature;

    @Option(
        names = "--key",
        paramLabel = "PEM",
        description = "Trust this public key (repeatable) instead of the project's trust policy.")
    List<Path> keys = List.of();

    @Option(
        names = "--dir",
        description = "With --signature: hash the files here instead of downloading them.")
    Path dir;

    Verify(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      if (signature != null || !keys.isEmpty()) {
        SignatureCheck.Verified ok =
            SignatureCheck.run(client(), project(), model, version, signature, keys, dir);
        output().one(ok, "signer", SignatureCheck.COLUMNS);
        return;
      }
      if (dir != null) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, "--dir goes with --signature or --key");
      }
      var verification = client().versions().verify(project(), model, version);
      output()
          .many(
              verification.files(),
              "path",
              List.of(
                  Output.Column.of("PATH", "path"),
                  Output.Column.of("STATUS", "status"),
                  Output.Column.of("SHA256", "sha256"),
                  Output.Column.wide("ACTUAL", "actual")),
              verification);
    }
  }
}
