package dev.cairn.registry.blob;

import dev.cairn.registry.config.BlobSettings;
import dev.cairn.registry.config.StartupException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the blob store the settings name: {@code file} under the data directory, or S3. */
public final class BlobStores {

  private BlobStores() {}

  public static BlobStore create(BlobSettings settings, Path dataDir) {
    try {
      if (settings.s3Uri().isEmpty()) {
        return FileBlobStore.open(dataDir.resolve("blobs"));
      }
      S3Location location = S3Location.parse(settings.s3Uri().get());
      S3BlobStore store =
          new S3BlobStore(
              client(settings),
              location,
              dataDir.resolve("blob-staging"),
              S3BlobStore.DEFAULT_PART_SIZE);
      if (!store.healthy()) {
        throw new StartupException(
            "The S3 bucket '"
                + location.bucket()
                + "' is not reachable"
                + settings.endpoint().map(e -> " at " + e).orElse("")
                + " (check CAIRN_S3_ENDPOINT, CAIRN_S3_REGION and the AWS credentials).");
      }
      return store;
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupException("Cannot open the blob store: " + e.getMessage(), e);
    }
  }

  /** An S3 client as the settings configure it (also used to fetch s3:// references). */
  public static S3Client client(BlobSettings settings) {
    // SDK 2.30+ sends trailing CRC checksums by default, which many S3-compatible servers
    // (MinIO, Ceph, S3Proxy) refuse; Cairn checks SHA-256 itself, so only required ones are sent.
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    settings
        .endpoint()
        .ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true));
    return builder.credentialsProvider(credentials(settings)).build();
  }

  /**
   * Keys from the usual AWS variables when given, else the SDK's default chain (IRSA, profiles…).
   */
  private static AwsCredentialsProvider credentials(BlobSettings settings) {
    if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              settings.accessKeyId().get(), settings.secretAccessKey().get()));
    }
    return DefaultCredentialsProvider.create();
  }
}
