package dev.cairn.signing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spec §8.4 over digests the caller already has: every signed resource must be a file with the same
 * SHA-256, and every file must be signed unless the bundle's exclusions cover it. The first
 * difference in path order is reported, so the same model always gives the same answer.
 */
public final class ManifestMatch {
  private ManifestMatch() {}

  /**
   * Checks {@code files} (canonical relative POSIX path → lowercase hex SHA-256) against the
   * statement; throws {@code SIGNATURE_MISMATCH:<path>} naming the file that differs.
   */
  public static void check(ModelStatement statement, Map<String, String> files)
      throws SignatureRefusal {
    List<String> ignorePaths = statement.serialization().ignorePaths();
    Map<String, String> signed = new TreeMap<>(ModelStatement::compareCodePoints);
    statement.resources().forEach(r -> signed.put(r.name(), r.digest()));
    Map<String, String> unsigned = new TreeMap<>(ModelStatement::compareCodePoints);
    files.forEach(
        (path, sha256) -> {
          if (!signed.containsKey(path) && !ModelPaths.isExcluded(path, ignorePaths)) {
            unsigned.put(path, sha256);
          }
        });
    for (Map.Entry<String, String> resource : signed.entrySet()) {
      String path = resource.getKey();
      String actual = files.get(path);
      if (actual == null) {
        throw SignatureRefusal.mismatch(path, "signed file '" + path + "' is missing");
      }
      if (!actual.equalsIgnoreCase(resource.getValue())) {
        throw SignatureRefusal.mismatch(
            path, "file '" + path + "' has a different SHA-256 than the signature lists");
      }
    }
    if (!unsigned.isEmpty()) {
      String path = unsigned.keySet().iterator().next();
      throw SignatureRefusal.mismatch(
          path, "file '" + path + "' is not signed (not listed in the signature's resources)");
    }
  }
}
