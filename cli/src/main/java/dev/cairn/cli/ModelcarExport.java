package dev.cairn.cli;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Builds a KServe modelcar image of a version with Jib core, no Docker daemon: the version's files
 * are pulled (streamed to disk, each checked against its pin, as {@code version pull} does) into a
 * work directory, then become one layer under {@code /models/} on top of the base image (none:
 * scratch). The image is written as a tarball ({@code docker load}, {@code crane push}) or pushed
 * with the credentials of the Docker config. The work directory, Jib's caches included, is removed
 * afterwards; nothing is held whole in memory.
 */
final class ModelcarExport {

  static final String MODELS = "/models";

  private final CairnClient client;
  private final String project;
  private final String model;

  ModelcarExport(CairnClient client, String project, String model) {
    this.client = client;
    this.project = project;
    this.model = model;
  }

  /** Builds the image and returns its reference (the tarball's name, or the pushed one). */
  String export(
      Version version,
      Optional<String> base,
      Optional<Path> output,
      Optional<String> to,
      Path workDir) {
    Path parent =
        workDir != null
            ? workDir
            : output.map(p -> p.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
    Path work;
    try {
      Files.createDirectories(parent);
      work = Files.createTempDirectory(parent, ".cairn-modelcar-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path files = work.resolve("models");
      Files.createDirectories(files);
      new VersionPull(client, project, model).pull(version, files);
      String name = to.orElse(imageName(version));
      JibContainerBuilder image = base.isPresent() ? Jib.from(base.get()) : Jib.fromScratch();
      image
          .addFileEntriesLayer(
              FileEntriesLayer.builder()
                  .setName("models")
                  .addEntryRecursive(files, AbsoluteUnixPath.get(MODELS))
                  .build())
          .addLabel("org.opencontainers.image.title", model + ":" + version.version())
          .addLabel("dev.cairn.project", project);
      if (version.digest() != null) {
        image.addLabel("dev.cairn.version.digest", version.digest());
      }
      Containerizer containerizer =
          output.isPresent()
              ? Containerizer.to(TarImage.at(output.get().toAbsolutePath()).named(name))
              : Containerizer.to(
                  RegistryImage.named(name)
                      .addCredentialRetriever(
                          CredentialRetrieverFactory.forImage(
                                  ImageReference.parse(name), event -> {})
                              .dockerConfig()));
      image.containerize(
          containerizer
              .setToolName("cairn")
              .setBaseImageLayersCache(work.resolve("cache/base"))
              .setApplicationLayersCache(work.resolve("cache/app")));
      return name;
    } catch (InvalidImageReferenceException e) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "not an image reference: " + e.getMessage());
    } catch (RegistryException | CacheDirectoryCreationException | ExecutionException e) {
      throw new ExitCodes.Failure(
          ExitCodes.REFUSED, "the modelcar image could not be built: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExitCodes.Failure(ExitCodes.REFUSED, "interrupted");
    } finally {
      delete(work);
    }
  }

  /** The tarball's image name: {@code cairn/<model>:<version>}, in the characters OCI allows. */
  private String imageName(Version version) {
    String repository = model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    String tag = version.version().replaceAll("[^A-Za-z0-9_.-]", "-");
    return "cairn/" + repository + ":" + (tag.isEmpty() ? "latest" : tag);
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover work directory is only disk space; the image is already written.
    }
  }
}
