package dev.cairn.runtime.colorsignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.runtime.testing.InkImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

  @Test
  void readsPngJpegAndBmpAtTheirOwnDepth() {
    InkImages print = Prints.twoInks(1);
    assertThat(decode(print.png()).getWidth()).isEqualTo(240);
    assertThat(decode(print.jpeg()).getHeight()).isEqualTo(180);
    assertThat(decode(print.bmp()).getWidth()).isEqualTo(240);
    BufferedImage sixteen = decode(Prints.twoInks(1).sixteenBit().png());
    assertThat(sixteen.getColorModel().getComponentSize(0)).isEqualTo(16);
  }

  @Test
  void rejectsGifAndGarbageAsUnsupported() {
    byte[] gif = InkImages.encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED), "gif");
    assertThatThrownBy(() -> decode(gif))
        .isInstanceOfSatisfying(
            ImageRejected.class, e -> assertThat(e.code()).isEqualTo("UNSUPPORTED_IMAGE"));
    assertThatThrownBy(() -> decode("not an image".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImageRejected.class, e -> assertThat(e.code()).isEqualTo("UNSUPPORTED_IMAGE"));
  }

  @Test
  void rejectsMoreThanFiftyMegapixelsBeforeDecoding() {
    // 8,000 × 7,000 one-bit pixels compress to a few kilobytes; 56 megapixels is over the limit.
    byte[] huge =
        InkImages.encode(new BufferedImage(8000, 7000, BufferedImage.TYPE_BYTE_BINARY), "png");
    assertThatThrownBy(() -> decode(huge))
        .isInstanceOfSatisfying(
            ImageRejected.class,
            e -> {
              assertThat(e.code()).isEqualTo("IMAGE_TOO_LARGE");
              assertThat(e.getMessage()).contains("56000000");
            });
  }

  @Test
  void refusesAPngWhoseChunkCrcIsWrongNamingTheChunk() {
    byte[] png = Prints.twoInks(1).png();
    int idat = indexOf(png, "IDAT");
    byte[] damagedData = png.clone();
    damagedData[idat + 10] ^= 0x01; // one bit of the compressed pixels; the CRC no longer matches
    assertThatThrownBy(() -> decode(damagedData))
        .isInstanceOfSatisfying(
            ImageRejected.class,
            e -> {
              assertThat(e.code()).isEqualTo("UNSUPPORTED_IMAGE");
              assertThat(e.getMessage()).contains("IDAT has a bad CRC");
            });
    byte[] damagedEnd = png.clone();
    damagedEnd[png.length - 1] ^= 0x01; // the CRC of IEND, after every pixel was read
    assertThatThrownBy(() -> decode(damagedEnd))
        .isInstanceOfSatisfying(
            ImageRejected.class, e -> assertThat(e.getMessage()).contains("IEND has a bad CRC"));
  }

  @Test
  void tellsTheDecodedSizeFromTheHeaderBeforeDecoding() {
    try (PendingImage eight =
            ImageDecoder.open(new ByteArrayInputStream(Prints.twoInks(1).png()), "a");
        PendingImage sixteen =
            ImageDecoder.open(
                new ByteArrayInputStream(Prints.twoInks(1).sixteenBit().png()), "b")) {
      assertThat(eight.size()).isEqualTo(new ImageSize(240, 180, 3));
      assertThat(sixteen.size().bytes()).isEqualTo(240L * 180 * 6);
      assertThat(eight.decode().getWidth()).isEqualTo(240);
    }
  }

  private static int indexOf(byte[] bytes, String ascii) {
    byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError(ascii + " not found");
  }

  private static BufferedImage decode(byte[] bytes) {
    return ImageDecoder.decode(new ByteArrayInputStream(bytes), "sample");
  }
}
