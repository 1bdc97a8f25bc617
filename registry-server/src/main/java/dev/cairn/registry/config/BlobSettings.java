package dev.cairn.registry.config;

import java.util.Optional;

/**
 * Where artifact bytes live: without {@code s3Uri} the file store under the data directory, else an
 * S3-compatible bucket ({@code CAIRN_BLOB_STORE=s3://bucket/prefix}).
 */
public record BlobSettings(
    Optional<String> s3Uri,
    Optional<String> endpoint,
    String region,
    Optional<String> accessKeyId,
    Optional<String> secretAccessKey,
    long maxFileBytes) {

  @Override
  public String toString() {
    // The secret key never reaches a log line.
    return "BlobSettings[s3Uri=" + s3Uri + ", endpoint=" + endpoint + ", region=" + region + "]";
  }
}
