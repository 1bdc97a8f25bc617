package dev.cairn.registry.artifact;

import dev.cairn.registry.config.ReferenceSettings;
import dev.cairn.registry.domain.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Opens the bytes of a reference file ({@code https}, {@code http}, {@code s3}, {@code file}) as a
 * stream, refusing what spec 40-security forbids: files outside {@code CAIRN_FILE_ROOTS}, plain
 * {@code http} when turned off, addresses inside the network ({@link ReferenceAddresses}, checked
 * on the connection made), redirects.
 */
public final class ReferenceFetcher {

  private final ReferenceSettings settings;
  private final Supplier<S3Client> s3;
  private final GuardedHttp http;

  public ReferenceFetcher(ReferenceSettings settings, Supplier<S3Client> s3) {
    this.settings = settings;
    this.s3 = s3;
    this.http =
        new GuardedHttp(
            new ReferenceAddresses(settings.allowedRanges(), settings.allowLinkLocal()));
  }

  /** The reference's bytes; the caller closes the stream and checks the digest. */
  public InputStream open(String uri) throws IOException {
    URI parsed = URI.create(uri);
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> openFile(parsed);
      case "https", "http" -> openHttp(parsed, scheme);
      case "s3" -> openS3(parsed);
      default -> throw refused(uri, "scheme '" + scheme + "' is not allowed");
    };
  }

  private InputStream openFile(URI uri) throws IOException {
    return Files.newInputStream(underRoots(Path.of(uri), uri.toString()));
  }

  /**
   * A local directory named by an absolute path or a {@code file:} URI, once it is known to lie
   * under {@code CAIRN_FILE_ROOTS} (symbolic links resolved) and to be a directory.
   */
  public Path localDirectory(String pathOrUri) throws IOException {
    Path path;
    try {
      path = pathOrUri.startsWith("file:") ? Path.of(URI.create(pathOrUri)) : Path.of(pathOrUri);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("artifacts_dir must be an absolute path or a file: URI");
    }
    if (!path.isAbsolute()) {
      throw ApiException.badRequest("artifacts_dir must be an absolute path or a file: URI");
    }
    Path real = underRoots(path, pathOrUri);
    if (!Files.isDirectory(real)) {
      throw new ApiException(
          422, "SOURCE_UNAVAILABLE", "artifacts_dir '" + pathOrUri + "' is not a directory");
    }
    return real;
  }

  private Path underRoots(Path path, String named) throws IOException {
    Path normal = path.normalize();
    Path real = Files.exists(normal) ? normal.toRealPath() : normal;
    boolean inside =
        settings.fileRoots().stream().anyMatch(root -> real.startsWith(realRoot(root)));
    if (!inside) {
      throw refused(named, "file references must be under CAIRN_FILE_ROOTS");
    }
    return real;
  }

  private static Path realRoot(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root.toAbsolutePath().normalize();
    }
  }

  private InputStream openHttp(URI uri, String scheme) throws IOException {
    if (scheme.equals("http") && !settings.allowHttp()) {
      throw refused(uri.toString(), "plain http references are turned off");
    }
    return http.open(uri);
  }

  private InputStream openS3(URI uri) throws IOException {
    String key = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    try {
      return s3.get().getObject(b -> b.bucket(uri.getHost()).key(key));
    } catch (SdkException e) {
      // The SDK's message can be a long credential-chain dump: it goes to the log only.
      throw new IOException(
          "S3 reference " + uri + " not readable: " + e.getClass().getSimpleName(), e);
    }
  }

  private static ApiException refused(String uri, String why) {
    return ApiException.badRequest("reference " + uri + " refused: " + why);
  }
}
