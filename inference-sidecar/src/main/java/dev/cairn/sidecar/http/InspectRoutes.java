package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.runtime.colorsignature.ColorSignatureModel;
import dev.cairn.runtime.colorsignature.EngineParams;
import dev.cairn.runtime.colorsignature.ImageAnalyzer;
import dev.cairn.runtime.colorsignature.InspectionReport;
import dev.cairn.runtime.colorsignature.Inspector;
import dev.cairn.runtime.colorsignature.StdImageInput;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.runtime.colorsignature.StdRegistration;
import dev.cairn.runtime.colorsignature.StdRegistrationResult;
import dev.cairn.runtime.colorsignature.Tolerances;
import dev.cairn.sidecar.config.ImageLimits;
import dev.cairn.sidecar.fleet.Fleet;
import dev.cairn.sidecar.fleet.ServedModel;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ServingSet;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /inspect} (seed 000): inspects images against every loaded mode of one generation,
 * held for the whole request so a swap never mixes generations. No active model answers RETAKE with
 * {@code MODEL_NOT_FOUND}; a model variant without a pointer, RETAKE with {@code
 * MODEL_INCOMPLETE:<variant>}. {@code phase=STD_REGISTRATION} checks the images as a standard of
 * the requested mode instead. Images are decoded and inspected one at a time ({@link
 * RequestImages}).
 */
public final class InspectRoutes implements HttpService {

  /** How long a request for a cold model waits for it to load. */
  static final Duration COLD_LOAD = Duration.ofSeconds(30);

  private final Fleet fleet;
  private final JsonResponses responses;
  private final ImageLimits limits;
  private final ImageFiles files;
  private final DecodeBudget budget;
  private final SidecarMetrics metrics;

  InspectRoutes(
      Fleet fleet,
      JsonResponses responses,
      ImageLimits limits,
      ImageFiles files,
      SidecarMetrics metrics) {
    this.fleet = fleet;
    this.responses = responses;
    this.limits = limits;
    this.files = files;
    this.budget = new DecodeBudget(limits.maxDecodingBytes(), DecodeBudget.WAIT);
    this.metrics = metrics;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/inspect", this::inspect);
  }

  private void inspect(ServerRequest req, ServerResponse res)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    try (RequestImages images = new RequestImages(limits, files, budget)) {
      InspectInput input =
          InspectInput.read(
              req.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/json"),
              req.content().inputStream(),
              responses.json(),
              images);
      bounded(input);
      inspect(input, images, started, res);
    }
  }

  private void inspect(InspectInput input, RequestImages images, long started, ServerResponse res)
      throws InterruptedException {
    Optional<ServedModel> chosen = fleet.route(input.model(), input.sku(), input.ink());
    if (chosen.isEmpty()) {
      // Seed 000's rule: no model for the request is a RETAKE, never another model's verdict.
      // The images are still decoded: a damaged one is a 400 whether or not a model serves.
      List<String> names = images.each((name, image) -> name);
      ObjectNode body =
          responses
              .json()
              .valueToTree(
                  InspectionReport.retake(
                      input.mode() != null ? input.mode() : "default", "MODEL_NOT_FOUND", names));
      InspectedBy.none(body);
      responses.send(res, 200, body);
      return;
    }
    ServingSet set = fleet.acquire(chosen.get(), COLD_LOAD);
    try {
      String mode = input.mode() != null ? input.mode() : defaultMode(set);
      if (!InspectInput.STD_REGISTRATION.equals(input.phase())) {
        requireKnownMode(set, mode);
      }
      ObjectNode body =
          InspectInput.STD_REGISTRATION.equals(input.phase())
              ? standardCheck(set, mode, input, images)
              : responses.json().valueToTree(report(set, mode, input, images));
      InspectedBy.write(body, chosen.get(), set, mode);
      double seconds = (System.nanoTime() - started) / 1e9;
      body.put("latency_ms", Math.round(seconds * 100_000) / 100.0);
      metrics.request("inspect", seconds);
      responses.send(res, 200, body);
    } finally {
      set.release();
    }
  }

  /** An unknown {@code mode} of a loaded model is the caller's mistake: 400 naming the modes. */
  private static void requireKnownMode(ServingSet set, String mode) {
    List<String> modes = set.target().modelVariants();
    if (!set.variants().isEmpty() && !modes.isEmpty() && !modes.contains(mode)) {
      throw Problem.badRequest(
          "UNKNOWN_MODE",
          "mode '" + ClientText.bounded(mode) + "' is not one of the model's modes " + modes);
    }
  }

  /** The name-like fields, which answers may repeat, refused when longer than a name can be. */
  private static void bounded(InspectInput input) {
    ClientText.field("mode", input.mode());
    ClientText.field("model", input.model());
    ClientText.field("sku", input.sku());
    ClientText.field("ink", input.ink());
  }

  private static InspectionReport report(
      ServingSet set, String mode, InspectInput input, RequestImages images) {
    Map<String, StdModel> standards = standards(set);
    if (set.variants().isEmpty()
        || standards.isEmpty()
        || set.target().modelVariants().stream().anyMatch(v -> !set.variants().containsKey(v))
        || !standards.containsKey(mode)) {
      // Inspector's RETAKE answers, after the images were decoded (a damaged one is still a 400).
      List<String> names = images.each((name, image) -> name);
      return retake(set, mode, names, standards);
    }
    List<InspectionReport.ImageReport> reports =
        images.each(
            (name, image) ->
                Inspector.inspectImage(
                    standards,
                    mode,
                    new Inspector.NamedImage(name, image),
                    input.expectedInkCount()));
    return Inspector.combine(mode, reports);
  }

  private static InspectionReport retake(
      ServingSet set, String mode, List<String> names, Map<String, StdModel> standards) {
    if (set.variants().isEmpty()) {
      return InspectionReport.retake(mode, "MODEL_NOT_FOUND", names);
    }
    for (String variant : set.target().modelVariants()) {
      if (!set.variants().containsKey(variant)) {
        return InspectionReport.retake(mode, "MODEL_INCOMPLETE:" + variant, names);
      }
    }
    return standards.isEmpty()
        ? InspectionReport.retake(mode, "MODEL_NOT_FOUND", names)
        : InspectionReport.retake(mode, "MODEL_INCOMPLETE:" + mode, names);
  }

  private ObjectNode standardCheck(
      ServingSet set, String mode, InspectInput input, RequestImages images) {
    StdModel loaded = standards(set).get(mode);
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
    ObjectNode body =
        responses.json().createObjectNode().put("phase", InspectInput.STD_REGISTRATION);
    body.put("result", result.code()).put("mode", mode);
    body.set("images", responses.json().valueToTree(result.images()));
    body.set("signature", responses.json().valueToTree(result.model().orElse(null)));
    return body;
  }

  /** The colour-signature standards of the set, in the model's variant order. */
  private static Map<String, StdModel> standards(ServingSet set) {
    Map<String, StdModel> standards = new LinkedHashMap<>();
    for (String variant : set.target().modelVariants()) {
      ServingSet.Served served = set.variants().get(variant);
      if (served != null && served.model() instanceof ColorSignatureModel model) {
        standards.put(variant, model.standard());
      }
    }
    return standards;
  }

  private static String defaultMode(ServingSet set) {
    if (set.target().defaultVariant() != null) {
      return set.target().defaultVariant();
    }
    List<String> variants = set.target().modelVariants();
    return variants.isEmpty() ? "default" : variants.get(0);
  }
}
