package dev.cairn.registry.artifact;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.VersionLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code POST …/versions} with {@code artifacts_dir}: every regular file under a directory of
 * {@code CAIRN_FILE_ROOTS} becomes a file of the version (its path relative to the directory), its
 * digest computed while it is copied into the blob store and pinned; the answer is the version,
 * READY or FAILED as its format's validation decides. Symbolic links are skipped, so nothing
 * outside the directory can be pulled in; each file is opened with the rules of {@code file}
 * references (regular files with one link, on the file-root threads).
 */
public final class ArtifactsDirPublisher {

  private final ReferenceFetcher references;
  private final LocalFilePublisher publisher;

  public ArtifactsDirPublisher(ReferenceFetcher references, LocalFilePublisher publisher) {
    this.references = references;
    this.publisher = publisher;
  }

  public Version publish(Actor actor, String project, String model, VersionCreate request) {
    if (request.files() != null && !request.files().isEmpty()) {
      throw ApiException.badRequest("give either artifacts_dir or files, not both");
    }
    try {
      Path dir = references.localDirectory(request.artifactsDir());
      Map<String, Path> files = files(dir);
      if (files.isEmpty()) {
        throw new ApiException(
            422,
            "VALIDATION_FAILED",
            "artifacts_dir '" + request.artifactsDir() + "' has no files");
      }
      return publisher.publish(
          actor, project, model, request.fromArtifactsDir(null), files, references::openLocal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Path> files(Path dir) throws IOException {
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .limit(VersionLimits.MAX_FILES + 1L)
          .forEach(p -> files.put(relative(dir, p), p));
    }
    VersionLimits.requireFileCount(files.size());
    return files;
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
