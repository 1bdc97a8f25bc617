package dev.cairn.sidecar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Version;
import dev.cairn.runtime.color.Lab;
import dev.cairn.runtime.testing.InkImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Colour-signature standards, one model per SKU ({@code ink-sku007}, labels {@code sku}, {@code
 * ink=A}, {@code task=ink-inspection}, mode HIGH), each with a second ink of its own, and prints of
 * each SKU: what a fleet of inspection standards looks like to a test.
 */
public final class SkuStandards {

  private final CairnClient publisher;
  private final CairnClient approver;
  private final String project;
  private final Path images;

  public SkuStandards(CairnClient publisher, CairnClient approver, String project, Path images) {
    this.publisher = publisher;
    this.approver = approver;
    this.project = project;
    this.images = images;
  }

  /** A standard for SKU {@code i}: blue and a second ink of its own, mode HIGH. */
  public void standard(int i, String version) throws Exception {
    publisher
        .models()
        .create(
            project,
            ModelCreate.named(model(i))
                .withVariants(List.of("HIGH"), "HIGH")
                .withLabels(Map.of("task", "ink-inspection", "sku", sku(i), "ink", "A")));
    Version v = version(i, version);
    assertThat(v.state()).as(model(i) + ": " + v.failure()).isEqualTo("READY");
    flip(i, v.version());
  }

  public Version version(int i, String name) throws Exception {
    List<Path> std = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      // Seeds of their own per version: identical bytes would be one blob, already cached.
      long seed = 100 + k + 10L * Math.floorMod(name.hashCode(), 1000);
      std.add(Files.write(images.resolve(model(i) + name + k + ".png"), sheet(i, seed)));
    }
    return publisher
        .versions()
        .registerStandard(project, model(i), StdRegistrationRequest.of("HIGH", std, 2));
  }

  public void flip(int i, String version) {
    approver
        .aliases()
        .put(project, model(i), "production", AliasUpdate.version(version, "go"), null, null);
  }

  public Path print(int i) throws Exception {
    Path file = images.resolve("print-" + i + ".png");
    return Files.exists(file) ? file : Files.write(file, sheet(i, 7));
  }

  /** Every SKU's second ink differs from the others' by 5 in L or 8 in b. */
  private static byte[] sheet(int i, long seed) {
    Lab second = new Lab(34 + (i % 5) * 5, 62, 38 - (i / 5) * 8);
    return InkImages.sheet(240, 180).ink(InkImages.BLUE, 0.4).ink(second, 0.6).seed(seed).png();
  }

  public static String model(int i) {
    return "ink-" + sku(i).toLowerCase(Locale.ROOT);
  }

  public static String sku(int i) {
    return String.format("SKU%03d", i);
  }
}
