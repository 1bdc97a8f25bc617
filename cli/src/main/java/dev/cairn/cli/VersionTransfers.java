package dev.cairn.cli;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionImport;
import dev.cairn.client.model.VersionImport.SourceCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code version import} (a ModelPack OCI artifact into a new version, pulled and checked by the
 * registry) and {@code version export --modelcar} (a version as a KServe modelcar image, built here
 * with Jib, no Docker daemon): the verbs that move a version between Cairn and OCI registries.
 */
final class VersionTransfers {

  /** The source registry's password: from the environment only, never a command-line argument. */
  static final String SOURCE_PASSWORD = "CAIRN_SOURCE_PASSWORD";

  private VersionTransfers() {}

  static List<Object> verbs(Terminal terminal) {
    return List.of(new Import(terminal), new Export(terminal));
  }

  @Command(
      name = "import",
      description =
          "Import a ModelPack OCI artifact (oci://host/repository:tag or @sha256:…) as a new"
              + " version; the registry pulls it and checks every layer's digest.")
  static final class Import extends CliCommand {
    @Parameters(index = "0", description = "oci://host[:port]/repository(:tag|@sha256:hex).")
    String source;

    @Option(
        names = "--model",
        description = "Model to import into (default: the repository's last path segment).")
    String model;

    @Option(names = "--name", description = "Version name (default: the next v<n>).")
    String name;

    @Option(
        names = "--source-user",
        description =
            "User name at the source registry; the password is read from " + SOURCE_PASSWORD + ".")
    String sourceUser;

    Import(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      VersionImport request = VersionImport.of(source).named(name);
      Optional<String> password = Optional.ofNullable(terminal.env().get(SOURCE_PASSWORD));
      if (sourceUser != null || password.isPresent()) {
        request = request.withCredentials(new SourceCredentials(sourceUser, password.orElse("")));
      }
      String target = model != null ? model : defaultModel(source);
      Version done = client().versions().importOci(project(), target, request);
      output().one(done, "version", VersionCommands.COLUMNS);
      FailedVersion.check(done);
      output()
          .say(
              "imported " + done.files().size() + " file(s) into " + target + ":" + done.version());
    }

    /** {@code oci://host/a/b:tag} → {@code b}. */
    static String defaultModel(String source) {
      String rest = source.replaceFirst("^[a-z+]+://[^/]*/", "");
      int at = rest.indexOf('@');
      rest = at >= 0 ? rest.substring(0, at) : rest;
      int colon = rest.lastIndexOf(':');
      rest = colon > rest.lastIndexOf('/') ? rest.substring(0, colon) : rest;
      return rest.substring(rest.lastIndexOf('/') + 1);
    }
  }

  @Command(
      name = "export",
      description =
          "Export a version as a KServe modelcar image (files under /models/), built without a"
              + " Docker daemon; KServe needs a base image with a shell (e.g. --base busybox).")
  static final class Export extends CliCommand {
    @Parameters(index = "0")
    String model;

    @Parameters(index = "1")
    String version;

    @Option(names = "--modelcar", required = true, description = "Build a KServe modelcar image.")
    boolean modelcar;

    @Option(
        names = "--tar",
        description =
            "Write the image as a docker-load tarball here (no registry needed); named --tar"
                + " because --output is the global output format.")
    Path tar;

    @Option(names = "--to", description = "Push the image to registry/repository:tag instead.")
    String to;

    @Option(
        names = "--base",
        description =
            "Base image (registry reference, docker://, tar:///path); default: none (scratch).")
    String base;

    @Option(
        names = "--work-dir",
        description = "Where the files and Jib's caches are staged (default: beside --tar).")
    Path workDir;

    Export(Terminal terminal) {
      super(terminal);
    }

    @Override
    public void run() {
      if ((tar == null) == (to == null)) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, "give exactly one of --tar or --to");
      }
      Version v = client().versions().get(project(), model, version);
      String image =
          new ModelcarExport(client(), project(), model)
              .export(
                  v,
                  Optional.ofNullable(base),
                  Optional.ofNullable(tar),
                  Optional.ofNullable(to),
                  workDir);
      output().say("modelcar " + image + " holds " + v.files().size() + " file(s) under /models/");
    }
  }
}
