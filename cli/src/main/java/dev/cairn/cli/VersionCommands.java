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
 * {@code version push|list|get|pull}: the group of the {@code version} noun, its columns, and the
 * verbs that move a version's files or read it. The group gathers the verbs other classes own:
 * {@link VersionChecks} (verify), {@link SignCommand} (sign), {@link VersionChanges}
 * (validate|archive|delete|notes) and {@link VersionTransfers} (import|export), each subcommand a
 * short nested class, so {@code cairn version --help} lists them all.
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
                new VersionChecks.Verify(terminal),
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
}
