package dev.cairn.registry.artifact;

import dev.cairn.registry.config.ReferenceSettings;
import dev.cairn.registry.domain.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

  /** Threads a stalled mount may hold at most, and how long an open may take. */
  private static final int FILE_ROOT_THREADS = 8;

  private static final Duration FILE_ROOT_DEADLINE = Duration.ofSeconds(10);

  private final ReferenceSettings settings;
  private final Supplier<S3Client> s3;
  private final GuardedHttp http;
  private final FileRoots fileRoots;

  public ReferenceFetcher(ReferenceSettings settings, Supplier<S3Client> s3) {
    this.settings = settings;
    this.s3 = s3;
    this.fileRoots =
        new FileRoots(
            settings.fileRoots(),
            settings.allowHardLinks(),
            new BlockingFileCalls(FILE_ROOT_THREADS, FILE_ROOT_DEADLINE));
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
    return fileRoots.open(Path.of(uri), uri.toString());
  }

  /**
   * A regular file found in an {@link #localDirectory}, opened with the rules of {@code file}
   * references; {@code named} is its path in the version.
   */
  public InputStream openLocal(Path file, String named) throws IOException {
    return fileRoots.open(file, named);
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
    return fileRoots.directory(path, pathOrUri);
  }

  private InputStream openHttp(URI uri, String scheme) throws IOException {
    if (scheme.equals("http") && !settings.allowHttp()) {
      throw refused(uri.toString(), "plain http references are turned off");
    }
    return http.open(uri);
  }

  /**
   * The guarded client of {@code http(s)} references, for the OCI import: a registry host passes
   * the same address rules as a reference.
   */
  GuardedHttp http() {
    return http;
  }

  /** Whether plain {@code http} may be used ({@code CAIRN_REFERENCE_ALLOW_HTTP}). */
  boolean allowsHttp() {
    return settings.allowHttp();
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
