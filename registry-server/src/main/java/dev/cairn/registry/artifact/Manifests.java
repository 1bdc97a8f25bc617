package dev.cairn.registry.artifact;

import dev.cairn.client.model.Manifest;
import dev.cairn.client.model.ManifestEntry;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.domain.FileUrls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical manifest of spec 10-registry-api: files sorted by path, one line {@code <sha256>
 * <size> <path>\n} each; a version's digest is {@code sha256:} plus its SHA-256.
 */
public final class Manifests {

  private Manifests() {}

  public static String canonical(List<VersionFile> files) {
    StringBuilder out = new StringBuilder();
    files.stream()
        .sorted(Comparator.comparing(VersionFile::path))
        .forEach(
            f ->
                out.append(f.sha256())
                    .append("  ")
                    .append(f.sizeBytes())
                    .append("  ")
                    .append(f.path())
                    .append('\n'));
    return out.toString();
  }

  public static String digest(List<VersionFile> files) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical(files).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What {@code GET …/manifest} and resolve answer: the digest and every stored file's URL. */
  public static Manifest view(String project, String model, Version v) {
    return new Manifest(
        v.digest(),
        v.files().stream()
            .filter(f -> Boolean.TRUE.equals(f.present()))
            .map(
                f ->
                    new ManifestEntry(
                        f.path(),
                        f.sha256(),
                        f.sizeBytes(),
                        FileUrls.of(project, model, v.version(), f.path())))
            .toList());
  }

  public static long totalSize(List<VersionFile> files) {
    return files.stream().mapToLong(VersionFile::sizeBytes).sum();
  }
}
