package dev.cairn.sidecar.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.runtime.testing.InkImages;
import dev.cairn.runtime.testing.UniformPng;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.config.ImageLimits;
import dev.cairn.sidecar.testing.MultipartBody;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, findings 1 and 13, in-process: the per-request limits and the decoding budget answer
 * before any pixel is decoded, and a PNG with a bad chunk CRC (once decoded into wrong pixels) is
 * refused naming the chunk. {@link SidecarImageBombIT} runs the same attack on the real jar with a
 * small heap.
 */
class SidecarImageBombTest {

  /** 4 MB for images in memory: a 2-megapixel RGB image (6 MB decoded) can never fit. */
  private static final ImageLimits SMALL = new ImageLimits(3, 3_000_000L, 4L << 20);

  private static Sidecar sidecar;
  private static SidecarClient client;

  @BeforeAll
  static void start() throws IOException {
    TestRegistry registry = TestRegistry.shared();
    Path work = Files.createDirectories(Path.of("target", "image-bomb-test"));
    String project = Sidecars.projectWithModel(registry, "bomb-small", "inks");
    sidecar =
        Sidecar.start(
            Sidecars.settings(
                    registry.uri(),
                    project,
                    "inks",
                    Files.createTempDirectory(work, "cache"),
                    List.of())
                .withImageLimits(SMALL));
    client = new SidecarClient(sidecar.port());
  }

  @AfterAll
  static void stop() {
    sidecar.close();
  }

  @Test
  void moreImagesThanTheLimitAre413NamingIt() {
    MultipartBody body = new MultipartBody();
    for (int i = 0; i < 4; i++) {
      body.image("tiny" + i + ".png", UniformPng.rgb(4, 4, 9, 9, 9));
    }
    SidecarClient.Answer answer = client.post("/inspect", body.contentType(), body.bytes());
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body().path("code").asText()).isEqualTo("TOO_MANY_IMAGES");
    assertThat(answer.body().path("detail").asText()).contains("CAIRN_MAX_IMAGES_PER_REQUEST");
  }

  @Test
  void moreDecodedBytesThanTheWholeBudgetAre413NamingIt() {
    MultipartBody body = new MultipartBody().image("wide.png", UniformPng.rgb(2000, 1000, 9, 9, 9));
    SidecarClient.Answer answer = client.post("/inspect", body.contentType(), body.bytes());
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body().path("code").asText()).isEqualTo("IMAGES_TOO_LARGE_FOR_MEMORY");
    assertThat(answer.body().path("detail").asText()).contains("CAIRN_MAX_DECODING_BYTES");
  }

  @Test
  void aPngWithABadChunkCrcIs400NamingTheChunk() {
    byte[] png = InkImages.sheet(40, 30).png();
    png[png.length - 1] ^= 0x01; // IEND's CRC: every pixel decodes, only the CRC says it is damaged
    MultipartBody body = new MultipartBody().image("damaged.png", png);
    SidecarClient.Answer answer = client.post("/inspect", body.contentType(), body.bytes());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("code").asText()).isEqualTo("UNSUPPORTED_IMAGE");
    assertThat(answer.body().path("detail").asText()).contains("damaged.png", "IEND has a bad CRC");
  }

  @Test
  void imagesWithinTheLimitsAreStillInspected() {
    MultipartBody body =
        new MultipartBody()
            .image("a.png", UniformPng.rgb(1000, 1000, 9, 9, 9))
            .image("b.png", InkImages.sheet(40, 30).png());
    SidecarClient.Answer answer = client.post("/inspect", body.contentType(), body.bytes());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("images")).hasSize(2);
  }
}
