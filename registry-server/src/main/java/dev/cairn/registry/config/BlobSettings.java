package dev.cairn.registry.config;

import static dev.cairn.registry.config.ConfigValues.optional;

import io.helidon.config.Config;
import java.util.Map;
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

  /** The blob store; AWS keys come from the usual AWS variables, as every AWS tool reads them. */
  static BlobSettings read(Config c, Map<String, String> environment) {
    String store = optional(c, "blobs.store").orElse("file");
    if (!store.equals("file") && !store.startsWith("s3://")) {
      throw new StartupException(
          "CAIRN_BLOB_STORE must be 'file' or s3://bucket/prefix, not '" + store + "'.");
    }
    long maxFileBytes;
    try {
      maxFileBytes = c.get("limits.max-file-bytes").asLong().orElse(10L * 1024 * 1024 * 1024);
    } catch (RuntimeException e) {
      throw new StartupException("CAIRN_MAX_FILE_BYTES must be a number of bytes.");
    }
    return new BlobSettings(
        store.equals("file") ? Optional.empty() : Optional.of(store),
        optional(c, "blobs.s3.endpoint"),
        optional(c, "blobs.s3.region").orElse("us-east-1"),
        Optional.ofNullable(environment.get("AWS_ACCESS_KEY_ID")).filter(v -> !v.isBlank()),
        Optional.ofNullable(environment.get("AWS_SECRET_ACCESS_KEY")).filter(v -> !v.isBlank()),
        maxFileBytes);
  }

  @Override
  public String toString() {
    // The secret key never reaches a log line.
    return "BlobSettings[s3Uri=" + s3Uri + ", endpoint=" + endpoint + ", region=" + region + "]";
  }
}
