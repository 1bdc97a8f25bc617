package dev.cairn.registry.blob;

import dev.cairn.registry.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The S3 store against a real S3 server in process (S3Proxy), with small parts to test them. */
class S3BlobStoreTest extends BlobStoreContract {

  private static S3ProxyServer s3;

  @TempDir Path staging;
  private S3BlobStore store;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.start();
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  @BeforeEach
  void freshBucket() {
    String bucket = "blobs-" + UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(bucket);
    store =
        new S3BlobStore(
            s3.client(),
            S3Location.parse("s3://" + bucket + "/cairn/prod"),
            staging,
            5L * 1024 * 1024);
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  @Override
  protected long stagingLeftovers() throws IOException {
    if (!Files.isDirectory(staging)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(staging)) {
      return files.count();
    }
  }
}
