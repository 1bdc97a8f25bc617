package dev.cairn.registry.artifact;

import dev.cairn.registry.config.ReferenceSettings;
import dev.cairn.registry.domain.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Opens the bytes of a reference file ({@code https}, {@code http}, {@code s3}, {@code file}) as a
 * stream, refusing what spec 40-security forbids: files outside {@code CAIRN_FILE_ROOTS}, plain
 * {@code http} when turned off, link-local and metadata addresses, redirects.
 */
public final class ReferenceFetcher {

  private final ReferenceSettings settings;
  private final Supplier<S3Client> s3;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public ReferenceFetcher(ReferenceSettings settings, Supplier<S3Client> s3) {
    this.settings = settings;
    this.s3 = s3;
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
    Path path = Path.of(uri).normalize();
    Path real = Files.exists(path) ? path.toRealPath() : path;
    boolean inside =
        settings.fileRoots().stream().anyMatch(root -> real.startsWith(realRoot(root)));
    if (!inside) {
      throw refused(uri.toString(), "file references must be under CAIRN_FILE_ROOTS");
    }
    return Files.newInputStream(real);
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
    for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
      boolean metadata =
          address.getHostAddress().startsWith("169.254.") || address.isLinkLocalAddress();
      if (metadata && !settings.allowLinkLocal()) {
        throw refused(uri.toString(), "link-local and metadata addresses are not fetched");
      }
    }
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException(uri + " answered " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private InputStream openS3(URI uri) throws IOException {
    String key = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    try {
      return s3.get().getObject(b -> b.bucket(uri.getHost()).key(key));
    } catch (SdkException e) {
      throw new IOException("S3 reference " + uri + " not readable: " + e.getMessage(), e);
    }
  }

  private static ApiException refused(String uri, String why) {
    return ApiException.badRequest("reference " + uri + " refused: " + why);
  }
}
