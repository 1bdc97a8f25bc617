package dev.cairn.registry.testing;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 server (S3Proxy over an in-memory jclouds store) on a loopback port, in process. */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "cairn-test-access";
  public static final String SECRET_KEY = "cairn-test-secret";

  private final S3Proxy proxy;
  private final BlobStoreContext context;

  private S3ProxyServer(S3Proxy proxy, BlobStoreContext context) {
    this.proxy = proxy;
    this.context = context;
  }

  public static S3ProxyServer start() throws Exception {
    BlobStoreContext context =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .overrides(new Properties())
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    if (!"STARTED".equals(proxy.getState())) {
      throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
    }
    return new S3ProxyServer(proxy, context);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** A client of this server, as the registry's would be configured. */
  public S3Client client() {
    return S3Client.builder()
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .endpointOverride(URI.create(endpoint()))
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  public void createBucket(String bucket) {
    try (S3Client s3 = client()) {
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
