package dev.cairn.registry.version;

import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.PathCollisions;
import dev.cairn.registry.domain.PortablePaths;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.domain.VersionLimits;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the files a new version declares: portable paths that do not collide, pinned digests,
 * sizes and reference URIs.
 */
public final class FileDeclarations {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> REFERENCE_SCHEMES = Set.of("https", "http", "s3", "file");

  private FileDeclarations() {}

  /** The declared files as the version will hold them, or 400 naming the first broken one. */
  public static List<VersionFile> valid(List<FileDeclaration> declared) {
    if (declared == null) {
      return List.of();
    }
    VersionLimits.requireFileCount(declared.size());
    Set<String> paths = new HashSet<>();
    PathCollisions collisions = new PathCollisions();
    return declared.stream()
        .map(
            f -> {
              if (f == null) {
                throw ApiException.badRequest("files may not contain null");
              }
              String path = PortablePaths.portable(f.path());
              if (!paths.add(path)) {
                throw ApiException.badRequest("file '" + path + "' is declared twice");
              }
              collisions.add(path);
              String sha = f.sha256() == null ? "" : f.sha256().toLowerCase(Locale.ROOT);
              if (!SHA256.matcher(sha).matches()) {
                throw ApiException.badRequest("file '" + path + "': sha256 must be 64 hex digits");
              }
              if (f.sizeBytes() == null) {
                throw ApiException.badRequest("file '" + path + "': size_bytes is required");
              }
              if (f.sizeBytes() < 0) {
                throw ApiException.badRequest(
                    "file '" + path + "': size_bytes must be 0 or more, not " + f.sizeBytes());
              }
              String uri = f.uri() == null ? null : reference(path, f.uri());
              boolean copy = Boolean.TRUE.equals(f.importCopy());
              if (copy && uri == null) {
                throw ApiException.badRequest(
                    "file '" + path + "': import needs a uri to copy the bytes from");
              }
              // An imported file is stored like an upload; its uri says where it was copied from.
              return new VersionFile(
                  path,
                  sha,
                  f.sizeBytes(),
                  uri == null || copy ? "upload" : "reference",
                  uri,
                  false);
            })
        .toList();
  }

  private static String reference(String path, String uri) {
    try {
      URI parsed = URI.create(Text.requirePlain("file '" + path + "': uri", uri));
      String scheme = parsed.getScheme();
      if (parsed.getRawUserInfo() != null) {
        // Every reader sees the reference: credentials belong in the server's configuration.
        throw ApiException.badRequest(
            "file '" + path + "': uri may not carry user-info (user:password@)");
      }
      if (scheme != null && REFERENCE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "file '" + path + "': uri must be an https, http, s3 or file URI");
  }
}
