package dev.cairn.sidecar.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each {@code withX} of {@link SidecarSettings} changes what it names and keeps every other
 * component: the copies go through {@link SidecarSettingsCopy}, and a component it forgot would
 * silently fall back to a default in tests and benchmarks.
 */
class SidecarSettingsCopyTest {

  private static final SidecarSettings BASE =
      SidecarSettings.loopback(
          URI.create("http://127.0.0.1:1"), "t", "p", "m", Path.of("target/cache"), "i-1");

  @Test
  void eachCopyChangesOnlyWhatItNames() throws Exception {
    assertChanged(s -> s.withImageRoots(List.of(Path.of("/images"))), "imageRoots");
    assertChanged(
        s -> s.withPeriods(Duration.ofSeconds(5), Duration.ofSeconds(1)),
        "reresolveEvery",
        "reportEvery");
    assertChanged(s -> s.withStall(Duration.ofSeconds(2)), "stall");
    assertChanged(s -> s.withImageLimits(new ImageLimits(1, 2, 3)), "images");
    assertChanged(
        s -> s.withSignatures(SignatureSettings.required(List.of(Path.of("k.pem")), List.of())),
        "signatures");
    assertChanged(s -> s.withFleet(FleetSettings.single("other")), "fleet", "model");
  }

  @Test
  void aFleetOfSeveralOrBySelectorHasNoSingleModel() {
    FleetSettings two = new FleetSettings(List.of("a", "b"), Map.of(), false, 5, 1L << 20);
    assertThat(BASE.withFleet(two).model()).isNull();
    assertThat(BASE.withFleet(two).singleModel()).isFalse();
    FleetSettings selected = new FleetSettings(List.of("a"), Map.of("k", "v"), false, 5, 1L << 20);
    assertThat(BASE.withFleet(selected).model()).isNull();
    assertThat(BASE.withFleet(FleetSettings.single("b")).model()).isEqualTo("b");
    assertThat(BASE.withFleet(two).withFleet(FleetSettings.single("b")).model())
        .as("a fleet stays a fleet")
        .isNull();
  }

  private static void assertChanged(UnaryOperator<SidecarSettings> copy, String... names)
      throws Exception {
    SidecarSettings changed = copy.apply(BASE);
    List<String> differ = new ArrayList<>();
    for (RecordComponent c : SidecarSettings.class.getRecordComponents()) {
      Object before = c.getAccessor().invoke(BASE);
      Object after = c.getAccessor().invoke(changed);
      if (!before.equals(after)) {
        differ.add(c.getName());
      }
    }
    assertThat(differ).containsExactlyInAnyOrder(names);
  }
}
