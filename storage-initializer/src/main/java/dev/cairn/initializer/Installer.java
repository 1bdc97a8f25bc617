package dev.cairn.initializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.ManifestEntry;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Installs one resolved version under a destination directory: every file is fetched into {@code
 * dest/.cairn-tmp} and verified there, and only when all are verified are they renamed into place
 * and {@code dest/.cairn/resolution.json} written. A file already verified in {@code .cairn-tmp},
 * or already in place with its pinned digest, is not fetched again (a restarted init container
 * resumes).
 */
final class Installer {

  static final String TMP = ".cairn-tmp";
  static final String STATE = ".cairn";
  static final String RESOLUTION = "resolution.json";

  private final ObjectMapper json =
      CairnJson.lenientMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

  /** What one install did, for the success line. */
  record Outcome(int fetched, int resumed) {}

  /**
   * Installs {@code files} under {@code dest} with {@code fetch}, then writes the record {@code
   * resolution} gives once every file is in place.
   */
  Outcome install(
      Path dest, List<ManifestEntry> files, VerifiedFetch fetch, Supplier<Resolution> resolution)
      throws IOException {
    Path root = dest.toAbsolutePath().normalize();
    Path tmp = root.resolve(TMP);
    List<Placed> placed = new ArrayList<>();
    for (ManifestEntry file : files) {
      placed.add(new Placed(file, inside(root, file.path()), inside(tmp, file.path())));
    }
    Files.createDirectories(tmp);
    int fetched = 0;
    int resumed = 0;
    List<Placed> toMove = new ArrayList<>();
    for (Placed p : placed) {
      if (FileDigests.matches(p.target, p.file.sha256(), p.file.sizeBytes())) {
        resumed++;
        continue;
      }
      toMove.add(p);
      if (FileDigests.matches(p.staged, p.file.sha256(), p.file.sizeBytes())) {
        resumed++;
        continue;
      }
      Files.createDirectories(p.staged.getParent());
      Path part = p.staged.resolveSibling(p.staged.getFileName() + ".part");
      fetch.fetch(p.file, part);
      move(part, p.staged);
      fetched++;
    }
    for (Placed p : toMove) {
      Files.createDirectories(p.target.getParent());
      move(p.staged, p.target);
    }
    writeResolution(root, resolution.get());
    deleteTree(tmp);
    return new Outcome(fetched, resumed);
  }

  /** A manifest path under {@code base}; one that leaves it, or names Cairn's own, is refused. */
  private static Path inside(Path base, String path) {
    Path target;
    String first;
    try {
      target = base.resolve(path).normalize();
      first = Path.of(path).normalize().getName(0).toString();
    } catch (InvalidPathException e) {
      throw new InitFailure(
          ExitCode.REFUSED, "the version's file '" + path + "' is not a path here");
    }
    if (Path.of(path).isAbsolute()
        || !target.startsWith(base)
        || target.equals(base)
        || first.equals(TMP)
        || first.equals(STATE)) {
      throw new InitFailure(
          ExitCode.REFUSED, "the version's file '" + path + "' would leave its directory");
    }
    return target;
  }

  private void writeResolution(Path root, Resolution record) throws IOException {
    Path dir = Files.createDirectories(root.resolve(STATE));
    Path part = dir.resolve(RESOLUTION + ".part");
    json.writeValue(part.toFile(), record);
    move(part, dir.resolve(RESOLUTION));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A manifest file, where it ends up and where it is verified first. */
  private record Placed(ManifestEntry file, Path target, Path staged) {}
}
