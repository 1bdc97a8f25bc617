package dev.cairn.registry.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects of an S3-compatible store. Bytes are staged and hashed in a local temporary file
 * first; only a confirmed digest is uploaded, straight to its content address (an S3 PUT becomes
 * visible whole or not at all), in parts for large files.
 */
public final class S3BlobStore implements BlobStore {

  /** Files above this go up in parts of this size (S3 allows 5 MiB to 5 GiB per part). */
  public static final long DEFAULT_PART_SIZE = 64L * 1024 * 1024;

  private final S3Client s3;
  private final S3Location location;
  private final Path staging;
  private final long partSize;

  public S3BlobStore(S3Client s3, S3Location location, Path staging, long partSize) {
    this.s3 = s3;
    this.location = location;
    this.staging = staging;
    this.partSize = partSize;
  }

  @Override
  public String kind() {
    return "s3";
  }

  @Override
  public StagedBlob stage(InputStream in, long maxBytes) throws IOException {
    return new LocalStagedBlob(
        LocalStaging.copy(in, staging, maxBytes),
        (file, sha256, size) -> {
          if (size(sha256).isEmpty()) {
            upload(file, objectKey(sha256), size);
          }
        });
  }

  private void upload(Path file, String key, long size) throws IOException {
    try {
      if (size <= partSize) {
        s3.putObject(b -> b.bucket(location.bucket()).key(key), RequestBody.fromFile(file));
      } else {
        uploadInParts(file, key, size);
      }
    } catch (SdkException e) {
      throw S3Errors.of("S3 upload of " + key, e);
    }
  }

  private void uploadInParts(Path file, String key, long size) throws IOException {
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(location.bucket()).key(key)).uploadId();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      List<CompletedPart> parts = new ArrayList<>();
      int number = 1;
      for (long offset = 0; offset < size; offset += partSize, number++) {
        long length = Math.min(partSize, size - offset);
        channel.position(offset);
        InputStream part = new BoundedInputStream(Channels.newInputStream(channel), length);
        int partNumber = number;
        String etag =
            s3.uploadPart(
                    b ->
                        b.bucket(location.bucket())
                            .key(key)
                            .uploadId(uploadId)
                            .partNumber(partNumber),
                    RequestBody.fromInputStream(part, length))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(location.bucket())
                  .key(key)
                  .uploadId(uploadId)
                  .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    } catch (IOException | SdkException e) {
      s3.abortMultipartUpload(b -> b.bucket(location.bucket()).key(key).uploadId(uploadId));
      throw e;
    }
  }

  @Override
  public Optional<Long> size(String sha256) throws IOException {
    try {
      return Optional.of(
          s3.headObject(b -> b.bucket(location.bucket()).key(objectKey(sha256))).contentLength());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw S3Errors.of("S3 HEAD", e);
    } catch (SdkException e) {
      throw S3Errors.of("S3 request", e);
    }
  }

  @Override
  public InputStream open(String sha256, long offset, long length) throws IOException {
    if (length == 0) {
      return InputStream.nullInputStream();
    }
    try {
      return s3.getObject(
          b ->
              b.bucket(location.bucket())
                  .key(objectKey(sha256))
                  .range("bytes=" + offset + "-" + (offset + length - 1)));
    } catch (NoSuchKeyException e) {
      throw new BlobMissingException(sha256);
    } catch (SdkException e) {
      throw S3Errors.of("S3 GET", e);
    }
  }

  @Override
  public void delete(String sha256) throws IOException {
    try {
      s3.deleteObject(b -> b.bucket(location.bucket()).key(objectKey(sha256)));
    } catch (SdkException e) {
      throw S3Errors.of("S3 DELETE", e);
    }
  }

  @Override
  public List<String> list() throws IOException {
    try {
      return s3
          .listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(location.key("sha256/")))
          .contents()
          .stream()
          .map(S3Object::key)
          .map(k -> k.substring(k.lastIndexOf('/') + 1))
          .filter(BlobKeys::isDigest)
          .sorted()
          .toList();
    } catch (SdkException e) {
      throw S3Errors.of("S3 LIST", e);
    }
  }

  @Override
  public boolean healthy() {
    try {
      s3.headBucket(b -> b.bucket(location.bucket()));
      return true;
    } catch (SdkException e) {
      return false;
    }
  }

  /** The object key of the blob with {@code sha256}. */
  public String objectKey(String sha256) {
    return location.key(BlobKeys.key(sha256));
  }
}
