package dev.cairn.signing;

import java.util.List;

/** The OMS path rules (spec §6.1.2, §6.2): canonical relative POSIX paths and exclusions. */
public final class ModelPaths {
  /** The detached signature's file name beside the model. */
  public static final String SIGNATURE_FILE = "model.sig";

  /** Excluded at the model root whatever the bundle says (spec §6.2). */
  public static final List<String> DEFAULT_EXCLUSIONS =
      List.of(".git", ".gitignore", ".gitattributes", ".github");

  private ModelPaths() {}

  /**
   * Whether {@code path} is canonical: relative, '/'-separated, no empty, '.' or '..' component, no
   * NUL. A verifier compares paths byte-exact, so it refuses rather than normalises.
   */
  public static boolean isCanonical(String path) {
    if (path == null || path.isEmpty() || path.indexOf('\0') >= 0) {
      return false;
    }
    for (String component : path.split("/", -1)) {
      if (component.isEmpty() || component.equals(".") || component.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code path} is outside the signing scope: the signature file, a default exclusion at
   * the root, or one of {@code ignorePaths} (each an exact relative path, also covering its
   * subtree).
   */
  public static boolean isExcluded(String path, List<String> ignorePaths) {
    if (path.equals(SIGNATURE_FILE)) {
      return true;
    }
    return DEFAULT_EXCLUSIONS.stream().anyMatch(p -> covers(p, path))
        || ignorePaths.stream().anyMatch(p -> covers(p, path));
  }

  private static boolean covers(String ignored, String path) {
    String prefix = ignored.startsWith("./") ? ignored.substring(2) : ignored;
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
