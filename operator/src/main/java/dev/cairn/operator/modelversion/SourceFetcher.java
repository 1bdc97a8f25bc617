package dev.cairn.operator.modelversion;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streams a ModelVersion's source through SHA-256 without keeping it: {@code https}/{@code http}
 * (no redirects followed), {@code s3} (keys from the resource's {@code credentialsSecret}, else the
 * pod's default AWS credentials), and {@code file} for volumes mounted into the operator, limited
 * to {@code CAIRN_OPERATOR_FILE_ROOTS} so a resource cannot make the operator read its own secrets.
 *
 * <p>http(s) sources have no address rules (unlike the registry's reference fetches): the operator
 * asks whatever its pod can reach. What a resource learns back is bounded instead: a digest and a
 * size for files, the HTTP status or connection failure in {@code SourceUnavailable}, and for a
 * signature only a refusal code ({@link SignatureRefusalText}), never the bytes. A NetworkPolicy on
 * the operator is what limits where it may go (README, "Kubernetes operator").
 */
public final class SourceFetcher {

  private static final int BUFFER = 256 * 1024;

  private final List<Path> fileRoots;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public SourceFetcher(List<Path> fileRoots) {
    this.fileRoots = List.copyOf(fileRoots);
  }

  /** Fetches {@code uri} and returns the digest and size of its bytes. */
  public SourceDigest digest(String uri, SourceCredentials credentials) throws IOException {
    try (InputStream in = open(URI.create(uri), credentials)) {
      MessageDigest sha256 = sha256();
      byte[] buffer = new byte[BUFFER];
      long size = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
        size += n;
      }
      return new SourceDigest(HexFormat.of().formatHex(sha256.digest()), size);
    } catch (IllegalArgumentException e) {
      throw new IOException("source " + uri + " is not a valid URI: " + e.getMessage(), e);
    }
  }

  /**
   * The bytes at {@code uri}, fetched as the files are (same schemes, roots and credentials), at
   * most {@code limit} of them: a signature bundle read beside the artifact.
   */
  public byte[] bytes(String uri, SourceCredentials credentials, int limit) throws IOException {
    try (InputStream in = open(URI.create(uri), credentials)) {
      byte[] read = in.readNBytes(limit + 1);
      if (read.length > limit) {
        throw new IOException(uri + " is larger than " + limit + " bytes");
      }
      return read;
    } catch (IllegalArgumentException e) {
      throw new IOException("source " + uri + " is not a valid URI: " + e.getMessage(), e);
    }
  }

  private InputStream open(URI uri, SourceCredentials credentials) throws IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "https", "http" -> openHttp(uri);
      case "s3" -> openS3(uri, credentials);
      case "file" -> openFile(uri);
      default -> throw new IOException("source scheme '" + scheme + "' is not supported");
    };
  }

  private InputStream openHttp(URI uri) throws IOException {
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException(uri + " answered HTTP " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + uri, e);
    }
  }

  private InputStream openS3(URI uri, SourceCredentials credentials) throws IOException {
    String key = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    var builder =
        S3Client.builder()
            .region(Region.of(credentials.region().orElse("us-east-1")))
            .forcePathStyle(credentials.endpoint().isPresent())
            // The operator hashes every byte itself; the SDK's own checksum headers only break
            // S3-compatible stores that do not implement them.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    credentials.endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
    builder.credentialsProvider(
        credentials.accessKeyId().isPresent()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    credentials.accessKeyId().get(), credentials.secretAccessKey().orElse("")))
            : DefaultCredentialsProvider.builder().build());
    S3Client s3 = builder.build();
    try {
      InputStream object = s3.getObject(b -> b.bucket(uri.getHost()).key(key));
      return new FilterInputStream(object) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            s3.close();
          }
        }
      };
    } catch (SdkException e) {
      s3.close();
      throw new IOException("S3 source " + uri + " not readable: " + e.getMessage(), e);
    }
  }

  private InputStream openFile(URI uri) throws IOException {
    Path path = Path.of(uri).normalize();
    Path real = path.toRealPath();
    for (Path root : fileRoots) {
      if (real.startsWith(root.toRealPath())) {
        return Files.newInputStream(real);
      }
    }
    throw new IOException(
        "file source " + uri + " is outside the mounted roots (CAIRN_OPERATOR_FILE_ROOTS)");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
