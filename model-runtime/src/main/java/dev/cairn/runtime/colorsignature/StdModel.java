package dev.cairn.runtime.colorsignature;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cairn.runtime.color.Lab;
import java.util.List;

/**
 * A standard (STD) model, the artifact of a colour-signature version: the file {@code
 * signature.json} (spec 60). Field order and rounding are fixed so the same images always give the
 * same bytes.
 */
@JsonPropertyOrder({
  "engine",
  "engine_version",
  "mode",
  "expected_ink_count",
  "tolerance_de00",
  "share_tolerance",
  "inks",
  "std_images",
  "params"
})
public record StdModel(
    String engine,
    int engineVersion,
    String mode,
    int expectedInkCount,
    double toleranceDe00,
    double shareTolerance,
    List<StdInk> inks,
    List<StdImage> stdImages,
    Params params) {

  public static final String ENGINE = "color-signature";
  public static final int ENGINE_VERSION = 1;
  public static final String FILE_NAME = "signature.json";

  /** A standard ink: mean Lab, mean share and the largest ΔE00 of any STD image's ink from it. */
  @JsonPropertyOrder({"lab", "share", "spread_de00"})
  public record StdInk(List<Double> lab, double share, double spreadDe00) {

    public Lab color() {
      return new Lab(lab.get(0), lab.get(1), lab.get(2));
    }
  }

  /** An STD image kept with the version for provenance. */
  @JsonPropertyOrder({"path", "sha256"})
  public record StdImage(String path, String sha256) {}

  /** The paper/ink thresholds the standard was built with. */
  @JsonPropertyOrder({"background_l_min", "background_c_max"})
  public record Params(
      @JsonProperty("background_l_min") double backgroundLMin,
      @JsonProperty("background_c_max") double backgroundCMax) {

    public EngineParams engineParams() {
      return new EngineParams(backgroundLMin, backgroundCMax);
    }
  }

  /** The model's inks as signature inks, for matching. */
  public List<Ink> signature() {
    return inks.stream().map(ink -> new Ink(ink.color(), ink.share())).toList();
  }
}
