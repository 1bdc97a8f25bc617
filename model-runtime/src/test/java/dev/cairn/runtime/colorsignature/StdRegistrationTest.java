package dev.cairn.runtime.colorsignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.runtime.color.Ciede2000;
import dev.cairn.runtime.color.Lab;
import dev.cairn.runtime.testing.InkImages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdRegistrationTest {

  @Test
  void threeGoodImagesMakeAnAcceptableStandard() {
    StdRegistrationResult result = register("HIGH", images(1, 2, 3), 2);
    assertThat(result.code()).isEqualTo("STD_ACCEPTABLE");
    StdModel model = result.model().orElseThrow();
    assertThat(model.mode()).isEqualTo("HIGH");
    assertThat(model.toleranceDe00()).isEqualTo(2.0);
    assertThat(model.shareTolerance()).isEqualTo(0.10);
    assertThat(model.inks()).hasSize(2);
    assertThat(Ciede2000.difference(model.inks().get(0).color(), Prints.BLUE)).isLessThan(0.5);
    assertThat(model.inks().get(1).share()).isCloseTo(0.6, within(0.02));
    assertThat(model.inks().get(0).spreadDe00()).isLessThan(0.5);
    assertThat(model.stdImages())
        .extracting(StdModel.StdImage::path)
        .containsExactly("std/img1.png", "std/img2.png", "std/img3.png");
  }

  @Test
  void signatureJsonIsByteStableAndRoundTrips() throws Exception {
    byte[] first = StdModelJson.write(register("LOW", images(4, 5, 6), 2).model().orElseThrow());
    byte[] second = StdModelJson.write(register("LOW", images(4, 5, 6), 2).model().orElseThrow());
    assertThat(second).isEqualTo(first);
    String text = new String(first, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("{\"engine\":\"color-signature\",\"engine_version\":1,\"mode\":\"LOW\",")
        .contains("\"tolerance_de00\":6.0", "\"spread_de00\":", "\"background_l_min\":88.0");
    assertThat(StdModelJson.read(new ByteArrayInputStream(first)))
        .isEqualTo(register("LOW", images(4, 5, 6), 2).model().orElseThrow());
  }

  @Test
  void fewerThanThreeImagesAreTooFew() {
    assertThat(register("LOW", images(1, 2), 2).code()).isEqualTo("STD_TOO_FEW_IMAGES");
  }

  @Test
  void anOverexposedImageFailsTheStandard() {
    List<StdImageInput> images = images(1, 2);
    images.add(input(3, Prints.twoInks(3).paper(new Lab(100, 0, 0)).noise(2).png()));
    StdRegistrationResult result = register("LOW", images, 2);
    assertThat(result.code()).isEqualTo("STD_IMAGE_QUALITY:OVEREXPOSED");
    assertThat(result.model()).isEmpty();
    assertThat(result.images().get(2).reasons()).containsExactly("OVEREXPOSED");
  }

  @Test
  void askingForMoreInksThanPrintedIsAnInkCountMismatch() {
    assertThat(register("LOW", images(1, 2, 3), 3).code()).isEqualTo("STD_INK_COUNT_MISMATCH");
  }

  @Test
  void imagesThatDisagreeAreUnstable() {
    List<StdImageInput> images = images(1, 2);
    // One image's red is 3 L* lighter: about 2 ΔE00 from the mean, over HIGH's 1.0, under LOW's
    // 3.0.
    Lab lighterRed = new Lab(Prints.RED.l() + 3, Prints.RED.a(), Prints.RED.b());
    images.add(input(3, printWith(lighterRed, 3)));
    assertThat(register("HIGH", images, 2).code()).isEqualTo("STD_UNSTABLE");
    assertThat(register("LOW", images, 2).code()).isEqualTo("STD_ACCEPTABLE");
  }

  static StdRegistrationResult register(String mode, List<StdImageInput> images, int k) {
    return StdRegistration.run(mode, images, k, Tolerances.forMode(mode), 3, EngineParams.DEFAULTS);
  }

  static List<StdImageInput> images(int... seeds) {
    List<StdImageInput> images = new ArrayList<>();
    for (int seed : seeds) {
      images.add(input(seed, Prints.twoInks(seed).png()));
    }
    return images;
  }

  private static byte[] printWith(Lab red, long seed) {
    return InkImages.sheet(240, 180).ink(Prints.BLUE, 0.4).ink(red, 0.6).seed(seed).png();
  }

  private static StdImageInput input(int index, byte[] png) {
    return new StdImageInput("std/img" + index + ".png", "sha256:" + index, Prints.analyse(png));
  }
}
