package dev.cairn.operator.modelversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.operator.testing.Examples;
import dev.cairn.registry.testing.S3ProxyServer;
import dev.cairn.registry.testing.SourceServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** Every source scheme a ModelVersion may name, fetched for real and hashed while streaming. */
class SourceFetcherTest {

  @TempDir Path dir;

  @Test
  void hashesAnHttpSourceAndRefusesAMissingOne() throws Exception {
    Path artifacts = Examples.folder().resolve("artifacts");
    Path file = artifacts.resolve("churn/v1/model.json");
    try (SourceServer server = SourceServer.serving(artifacts)) {
      SourceFetcher fetcher = new SourceFetcher(List.of());
      SourceDigest digest =
          fetcher.digest(server.base() + "churn/v1/model.json", SourceCredentials.none());
      assertThat(digest.sha256()).isEqualTo(sha256(Files.readAllBytes(file)));
      assertThat(digest.sizeBytes()).isEqualTo(Files.size(file));
      assertThatThrownBy(
              () -> fetcher.digest(server.base() + "churn/v9/none.json", SourceCredentials.none()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("404");
    }
  }

  @Test
  void readsFilesOnlyUnderTheMountedRoots() throws Exception {
    Path root = Files.createDirectories(dir.resolve("models"));
    Path inside = Files.writeString(root.resolve("m.bin"), "weights");
    Path outside = Files.writeString(dir.resolve("token"), "secret");
    SourceFetcher fetcher = new SourceFetcher(List.of(root));
    assertThat(fetcher.digest(inside.toUri().toString(), SourceCredentials.none()).sha256())
        .isEqualTo(sha256("weights".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> fetcher.digest(outside.toUri().toString(), SourceCredentials.none()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("CAIRN_OPERATOR_FILE_ROOTS");
    assertThatThrownBy(
            () ->
                fetcher.digest(
                    root.resolve("../token").toUri().toString(), SourceCredentials.none()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void readsS3WithTheKeysOfTheCredentialsSecret() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start()) {
      s3.createBucket("models");
      byte[] bytes = "ink signature".getBytes(StandardCharsets.UTF_8);
      s3.client()
          .putObject(
              b -> b.bucket("models").key("ink/low/v1/signature.json"),
              RequestBody.fromBytes(bytes));
      SourceFetcher fetcher = new SourceFetcher(List.of());
      SourceCredentials keys =
          secret(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, s3.endpoint());
      SourceDigest digest = fetcher.digest("s3://models/ink/low/v1/signature.json", keys);
      assertThat(digest.sha256()).isEqualTo(sha256(bytes));
      assertThat(digest.sizeBytes()).isEqualTo(bytes.length);

      SourceCredentials wrong = secret(S3ProxyServer.ACCESS_KEY, "not-the-secret", s3.endpoint());
      assertThatThrownBy(() -> fetcher.digest("s3://models/ink/low/v1/signature.json", wrong))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not readable");
      assertThat(keys.toString()).doesNotContain(S3ProxyServer.SECRET_KEY);
    }
  }

  @Test
  void refusesOtherSchemes() {
    assertThatThrownBy(
            () -> new SourceFetcher(List.of()).digest("ftp://host/m.bin", SourceCredentials.none()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ftp");
  }

  /** A Secret's data as the API returns it (base64 values). */
  private static SourceCredentials secret(String accessKey, String secretKey, String endpoint) {
    Base64.Encoder b64 = Base64.getEncoder();
    return SourceCredentials.fromSecretData(
        Map.of(
            "AWS_ACCESS_KEY_ID", b64.encodeToString(accessKey.getBytes(StandardCharsets.UTF_8)),
            "AWS_SECRET_ACCESS_KEY", b64.encodeToString(secretKey.getBytes(StandardCharsets.UTF_8)),
            "AWS_ENDPOINT_URL", b64.encodeToString(endpoint.getBytes(StandardCharsets.UTF_8))));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
