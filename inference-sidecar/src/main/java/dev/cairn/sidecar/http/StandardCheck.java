package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.runtime.colorsignature.EngineParams;
import dev.cairn.runtime.colorsignature.ImageAnalyzer;
import dev.cairn.runtime.colorsignature.StdImageInput;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.runtime.colorsignature.StdRegistration;
import dev.cairn.runtime.colorsignature.StdRegistrationResult;
import dev.cairn.runtime.colorsignature.Tolerances;
import java.util.List;

/**
 * {@code /inspect} with {@code phase=STD_REGISTRATION}: checks the images as a standard of the
 * requested mode instead of inspecting them. The loaded standard of that mode, when there is one,
 * gives the ink count, tolerances and thresholds; else the mode's defaults do.
 */
final class StandardCheck {

  private StandardCheck() {}

  static ObjectNode run(
      ObjectMapper json, StdModel loaded, String mode, InspectInput input, RequestImages images) {
    int inks =
        input.expectedInkCount() != null
            ? input.expectedInkCount()
            : loaded != null ? loaded.expectedInkCount() : 1;
    Tolerances tolerances =
        loaded != null
            ? new Tolerances(loaded.toleranceDe00(), loaded.shareTolerance())
            : Tolerances.forMode(mode);
    EngineParams params = loaded != null ? loaded.params().engineParams() : EngineParams.DEFAULTS;
    List<StdImageInput> analysed =
        images.each(
            (name, image) -> new StdImageInput(name, null, ImageAnalyzer.analyze(image, params)));
    StdRegistrationResult result =
        StdRegistration.run(
            mode, analysed, inks, tolerances, StdRegistration.DEFAULT_MIN_STD_IMAGES, params);
    ObjectNode body = json.createObjectNode().put("phase", InspectInput.STD_REGISTRATION);
    body.put("result", result.code()).put("mode", mode);
    body.set("images", json.valueToTree(result.images()));
    body.set("signature", json.valueToTree(result.model().orElse(null)));
    return body;
  }
}
