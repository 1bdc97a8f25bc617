package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionQuery;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code version push|list|get|pull|verify|sign}.
 *
 * <p>One file per noun of the command tree on purpose (about 240 lines): each subcommand is a short
 * nested class sharing the noun's options and help, so {@code cairn version --help} reads as this
 * file does.
 */
final class VersionCommands {

  static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.of("VERSION", "version"),
          Output.Column.of("VARIANT", "variant"),
          Output.Column.of("STATE", "state"),
          Output.Column.of("FORMAT", "format"),
          Output.Column.of("ALIASES", "aliases"),
          Output.Column.wide("DIGEST", "digest"),
          Output.Column.wide("SIZE", "size_bytes"),
          Output.Column.wide("CREATED", "created_at"));

  private VersionCommands() {}

  static CommandLine group(Terminal terminal) {
    List<Object> verbs =
        new ArrayList<>(
            List.of(
                new Push(terminal),
                new ListVersions(terminal),
                new GetVersion(terminal),
                new Pull(terminal),
                new Verify(terminal),
                new SignCommand(terminal)));
    verbs.addAll(VersionChanges.verbs(terminal));
    verbs.addAll(VersionTransfers.verbs(terminal));
    return Groups.of("version", "Versions of a model and their files.", verbs);
  }

  @Command(name = "push", description = "Hash, upload (resuming a PENDING version) and complete.")
  static final class Push extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(
        index = "1..*",
        arity = "0..*",
        description = "Files, or directories (their files).")
    List<Path> paths = List.of();

    @Option(
        names = "--reference",
        description = "A file the registry fetches itself (https, s3, file URI); repeatable.")
    List<URI> references = List.of();

    @Option(names = "--sha256", description = "The pinned digest of each --reference, in order.")
    List<String> referenceShas = List.of();

    @Option(names = "--size", description = "The size in bytes of each --reference, in order.")
    List<Long> referenceSizes = List.of();

    @Option(
        names = "--name",
        description = "Version name (default: the next v<n>); resumes it if PENDING.")
    String name;

    @Option(names = "--variant")
    String variant;

    @Option(names = "--format", defaultValue = "generic")
    String format;

    @Option(names = "--label", description = "key=value (repeatable).")
    Map<String, String> labels = Map.of();

    @Option(names = "--metadata", description = "key=value (repeatable).")
    Map<String, String> metadata = Map.of();

    @Option(names = "--parallel", defaultValue = "4", description = "Files uploaded at once.")
    int parallel;

    Push(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      if (paths.isEmpty() && references.isEmpty()) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, "give files to push, or --reference URI");
      }
      if (references.size() != referenceShas.size() || references.size() != referenceSizes.size()) {
        throw new ExitCodes.Failure(
            ExitCodes.USAGE, "give one --sha256 and one --size per --reference");
      }
      List<FileDeclaration> declared = new ArrayList<>();
      for (int i = 0; i < references.size(); i++) {
        String path = Path.of(references.get(i).getPath()).getFileName().toString();
        declared.add(
            new FileDeclaration(
                path, referenceShas.get(i), referenceSizes.get(i), references.get(i).toString()));
      }
      Version done =
          new VersionPush(client(), project(), model, session().progress())
              .push(
                  new PushRequest(
                      LocalFiles.under(paths),
                      declared,
                      name,
                      variant,
                      format,
                      labels,
                      metadata,
                      parallel));
      output().one(done, "version", COLUMNS);
      FailedVersion.check(done); // a FAILED version has no digest worth printing
      if (done.digest() != null) {
        output().say("digest " + done.digest());
      }
    }
  }

  @Command(name = "list", description = "A model's versions, oldest first.")
  static final class ListVersions extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Option(names = "--variant", description = "Only this variant's versions.")
    String variant;

    @Option(names = "--state", description = "Only versions in this state (READY, FAILED…).")
    String state;

    ListVersions(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      VersionQuery query = VersionQuery.all().withLimit(Output.PAGE_SIZE);
      if (variant != null) {
        query = query.withVariant(variant);
      }
      if (state != null) {
        query = query.withState(state);
      }
      VersionQuery filtered = query;
      CairnClient client = client();
      String project = project();
      output()
          .pages(
              token -> client.versions().list(project, model, filtered.withPageToken(token)),
              "version",
              COLUMNS);
    }
  }

  @Command(name = "get", description = "One version.")
  static final class GetVersion extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String version;

    GetVersion(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      output().one(client().versions().get(project(), model, version), "version", COLUMNS);
    }
  }

  @Command(
      name = "pull",
      description = "Download every file into a directory, verifying each byte.")
  static final class Pull extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String version;

    @Parameters(index = "2", description = "Directory to write into (created).")
    Path directory;

    Pull(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      Version v = client().versions().get(project(), model, version);
      new VersionPull(client(), project(), model).pull(v, directory);
      // A version that is not READY has no digest of its own (null at the API): say its state.
      output()
          .say(
              "pulled "
                  + v.files().size()
                  + " file(s) of "
                  + model
                  + ":"
                  + version
                  + (v.digest() != null ? ", digest " + v.digest() : ", which is " + v.state()));
    }
  }

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
