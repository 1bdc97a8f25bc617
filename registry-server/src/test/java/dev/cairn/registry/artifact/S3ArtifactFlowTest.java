package dev.cairn.registry.artifact;

import dev.cairn.registry.blob.BlobKeys;
import dev.cairn.registry.testing.S3ProxyServer;
import dev.cairn.registry.testing.TestRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The artifact flow with {@code CAIRN_BLOB_STORE=s3://…} against S3Proxy in process; tampering
 * overwrites the S3 object directly.
 */
class S3ArtifactFlowTest extends ArtifactFlowContract {

  private static final String BUCKET = "cairn-artifacts";
  private static final String PREFIX = "registry";

  private static S3ProxyServer s3;
  private static TestRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3ProxyServer.start();
    s3.createBucket(BUCKET);
    registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_BLOB_STORE",
                "s3://" + BUCKET + "/" + PREFIX,
                "CAIRN_S3_ENDPOINT",
                s3.endpoint(),
                "CAIRN_S3_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                S3ProxyServer.SECRET_KEY));
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
    s3.close();
  }

  @Override
  protected TestRegistry registry() {
    return registry;
  }

  @Override
  protected List<String> storedBlobs() {
    try (S3Client client = s3.client()) {
      return client
          .listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(PREFIX + "/sha256/"))
          .contents()
          .stream()
          .map(S3Object::key)
          .map(k -> k.substring(k.lastIndexOf('/') + 1))
          .sorted()
          .toList();
    }
  }

  @Override
  protected void tamper(String sha256, byte[] replacement) {
    try (S3Client client = s3.client()) {
      client.putObject(
          b -> b.bucket(BUCKET).key(PREFIX + "/" + BlobKeys.key(sha256)),
          RequestBody.fromBytes(replacement));
    }
  }
}
