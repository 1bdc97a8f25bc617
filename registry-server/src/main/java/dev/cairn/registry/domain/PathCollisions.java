package dev.cairn.registry.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds paths of one version that a case-insensitive or normalising file system (macOS, Windows)
 * would store as one file, or as a file and a directory at once: {@code Model.bin} and {@code
 * model.bin}, NFC and NFD, {@code a} and {@code A/b}. Such a pair is 400 {@code INVALID_NAME:path},
 * since {@code version pull} would write one over the other.
 */
public final class PathCollisions {

  /** Folded path of each file → the path as given. */
  private final Map<String, String> files = new HashMap<>();

  /** Folded path of each directory the files need → one path under it. */
  private final Map<String, String> directories = new HashMap<>();

  /** Adds {@code path}, or refuses it when it collides with a path added before. */
  public void add(String path) {
    String key = PortablePaths.folded(path);
    String other = files.getOrDefault(key, directories.get(key));
    if (other != null) {
      throw collision(other, path);
    }
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      String directory = PortablePaths.folded(path.substring(0, slash));
      String file = files.get(directory);
      if (file != null) {
        throw collision(file, path);
      }
      directories.putIfAbsent(directory, path);
    }
    files.put(key, path);
  }

  private static ApiException collision(String first, String second) {
    return ApiException.invalidName(
        "path",
        "file paths '"
            + Text.printable(first)
            + "' and '"
            + Text.printable(second)
            + "' name the same file (or a file and a directory) on case-insensitive or"
            + " normalising file systems such as macOS and Windows; rename one");
  }
}
